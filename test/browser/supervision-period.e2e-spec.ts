import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { DESKTOP, launchChromium, openPerson, screenshot, type Person } from './support/browser';
import { signIn } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/**
 * 大督办 on the demo organisation: one period selector governs the cards, the charts, the unit and
 * delegation tables; each figure says whether it counts suggestions (件) or unit assignments (单位次).
 */
jest.setTimeout(180_000);

const AXE_SOURCE: string = require('axe-core').source;

/** Serious or critical axe violations on the page as it is (the selector's controls differ per period kind). */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  // axe probes for eval support, which the app's CSP refuses: that refusal is not the page's.
  supervisor.pageErrors.splice(0);
  return page.evaluate<string[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
       .filter((v) => v.impact === 'serious' || v.impact === 'critical')
       .flatMap((v) => v.nodes.map((n) => v.id + ' at ' + JSON.stringify(n.target) + ': ' + v.help)))`,
  );
}

let server: TestApp;
let browser: Browser;
let supervisor: Person;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestApp({ DEMO_DATA: 'on', WEB_DIST_PATH: WEB_DIST });
  browser = await launchChromium();
  supervisor = await openPerson(browser, server.baseUrl, DESKTOP);
  await signIn(supervisor.page, 'duban', 'demo1234');
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

afterEach(() => {
  expect(supervisor?.pageErrors.splice(0) ?? []).toEqual([]);
});

/** The unit table's 交办 and 当前逾期 columns added up (runs in the page: no DOM types here). */
async function unitTableSums(page: Page): Promise<{ assigned: number; overdue: number }> {
  return page.evaluate<{ assigned: number; overdue: number }>(`(() => {
    const sums = { assigned: 0, overdue: 0 };
    for (const row of document.querySelectorAll('[data-testid=unit-stats] tbody tr.ant-table-row')) {
      const cells = row.querySelectorAll('td');
      sums.assigned += Number(cells[1].textContent);
      sums.overdue += Number(cells[4].textContent);
    }
    return sums;
  })()`);
}

async function expectOnePeriod(page: Page): Promise<void> {
  await page.getByTestId('unit-stats').locator('tbody tr.ant-table-row').first().waitFor();
  const sums = await unitTableSums(page);
  const assigned = page.getByTestId('total-assigned');
  // Cards and the unit table come from two endpoints: for one period they add up to the same.
  expect(Number(await assigned.getAttribute('data-pairs'))).toBe(sums.assigned);
  const overdue = Number(await page.getByTestId('total-overdue').getAttribute('data-value'));
  expect(overdue).toBe(sums.overdue);
  // The overdue chart says what the card says.
  if (overdue > 0) await page.getByTestId('chart-overdue').waitFor();
  else await page.getByText('本期间没有逾期未答复的交办').waitFor();
  // Suggestions (件) and unit assignments (单位次) are told apart, each with what it is out of.
  await expect(assigned.textContent()).resolves.toMatch(/已交办\d+件 \/ \d+ 件涉及 \d+ 单位次/);
  await expect(page.getByTestId('total-answered').textContent()).resolves.toContain('单位次');
  await expect(page.getByTestId('total-on-time').textContent()).resolves.toMatch(/\d+\/\d+ 单位次/);
}

it('all time: every figure labelled, cards and table agree', async () => {
  const { page } = supervisor;
  await page.goto('/#/supervisor');
  await page.getByTestId('period-caption').filter({ hasText: '全部' }).waitFor();
  await page.getByTestId('total-assigned').waitFor();
  await expectOnePeriod(page);
  // One column and one chart row per answer category of the rulebook in force, named as it names them.
  const headings = page.getByTestId('unit-stats').locator('thead [data-category]');
  expect(await headings.evaluateAll((spans) => spans.map((s) => s.getAttribute('aria-label')))).toEqual([
    'A 类：已经解决或者基本解决',
    'B 类：正在解决或者列入规划逐步解决',
    'C 类：因目前条件限制需待以后解决',
    'D 类：留作参考',
  ]);
  const categoryRows = page.getByTestId('chart-categories-table').locator('tbody tr');
  await expect(categoryRows.first().textContent()).resolves.toMatch(/^A 类：已经解决或者基本解决\d+\d+/);
});

it('a year chosen: the caption, the cards, the charts and the tables follow it', async () => {
  const { page } = supervisor;
  const year = new Date().getFullYear();
  await page.getByTestId('period-selector').getByText('按年度').click();
  await page.getByTestId('period-caption').filter({ hasText: `${year} 年` }).waitFor();
  await page.getByTestId('total-assigned').waitFor();
  await expectOnePeriod(page);
  expect(await axeProblems(page)).toEqual([]);
  await screenshot(page, 'supervisor-overview-year-1280');
});

it('a span of dates chosen: the selector stays accessible, the figures follow it', async () => {
  const { page } = supervisor;
  await page.getByTestId('period-selector').getByText('按日期').click();
  await page.locator('[data-testid=period-caption][data-kind=range]').waitFor();
  await page.getByTestId('total-assigned').waitFor();
  await expectOnePeriod(page);
  expect(await axeProblems(page)).toEqual([]);
});

it('a session chosen: the newest session is offered first, and everything follows it', async () => {
  const { page } = supervisor;
  await page.getByTestId('period-selector').getByText('按届次').click();
  const caption = page.locator('[data-testid=period-caption][data-kind=session]:not([data-label=""])');
  await caption.waitFor();
  const name = (await caption.getAttribute('data-label')) ?? '';
  // The selector shows the session the figures are for.
  await expect(page.getByTestId('period-selector').textContent()).resolves.toContain(name);
  await page.getByTestId('total-assigned').waitFor();
  await expectOnePeriod(page);
  await page.getByTestId('delegation-stats').waitFor();
  expect(await axeProblems(page)).toEqual([]);
  await screenshot(page, 'supervisor-overview-session-1280');
});
