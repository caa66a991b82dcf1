import type { Browser } from 'playwright-core';
import { createOrganisation, PASSWORD } from '../support/organisation';
import { startTestApp, type TestApp } from '../support/test-app';
import { DESKTOP, launchChromium, openPerson, screenshot, type Person } from './support/browser';
import { signIn } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/** 办理规则: staff read every value of the preset in force with its article, or see it marked a default. */
jest.setTimeout(180_000);

let server: TestApp;
let browser: Browser;
let staff: Person;

beforeAll(async () => {
  ensureWebBuilt();
  // 四川: values without a regulation text, so the page must say so.
  server = await startTestApp({ RULEBOOK: 'sichuan', WEB_DIST_PATH: WEB_DIST });
  await createOrganisation(server.http);
  browser = await launchChromium();
  staff = await openPerson(browser, server.baseUrl, DESKTOP);
  await signIn(staff.page, 'staff1', PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

afterEach(() => {
  expect(staff?.pageErrors.splice(0) ?? []).toEqual([]);
});

it('staff open 办理规则 from the menu: each value with its article or a 默认值 tag, and the warning that the preset is unsourced', async () => {
  const { page } = staff;
  await page.getByRole('menuitem', { name: /办理规则/ }).click();
  await page.getByTestId('rulebook-page').waitFor();
  await page.getByTestId('rulebook-unsourced').waitFor();
  const periods = page.getByTestId('rulebook-periods');
  const answerRow = periods.locator('tr', { hasText: '答复期限（自交办起）' });
  await expect(answerRow.textContent()).resolves.toContain('《全国人民代表大会和地方各级人民代表大会代表法》第五十一条');
  await expect(periods.locator('tr', { hasText: '重新办理答复期限' }).textContent()).resolves.toMatch(/3 个月.*默认值.*未核实/);
  await expect(page.getByTestId('rulebook-rules').locator('tr', { hasText: '撤回建议' }).textContent()).resolves.toContain('默认值');
  // 四川 keeps the national reading of 代表法 第五十一条: contact is a duty, an answer without it is not void.
  await expect(page.getByTestId('rulebook-rules').locator('tr', { hasText: '答复前联系代表' }).textContent()).resolves.toMatch(
    /提示不拦截.*第五十一条.*未规定未经联系的答复无效/,
  );
  // Every row of both tables names where its value comes from.
  for (const table of [periods, page.getByTestId('rulebook-rules')]) {
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(5);
    expect(await table.locator('tbody tr:has([data-citation])').count()).toBe(rows);
  }
  await screenshot(page, 'rulebook-page');
});
