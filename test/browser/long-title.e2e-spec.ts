import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium, openPerson, screenshot } from './support/browser';
import { signIn } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/**
 * A 180-character title on a 1366 × 768 screen (the common office laptop): the work lists keep
 * every column on screen (状态 and 期限 were pushed 600 px off it), the title shows at most two
 * lines, and the whole title is still there to read on hover and on keyboard focus.
 */
jest.setTimeout(240_000);

const PASSWORD = 'demo1234';
const LAPTOP = { width: 1366, height: 768 };
const stamp = Date.now().toString(36);
// 180 characters, no spaces: the worst case for wrapping.
const LONG_TITLE = `关于${stamp}进一步加强城乡结合部道路交通安全设施建设和管理`.padEnd(180, '并完善公共交通线网与慢行系统衔接的建议');

let server: TestApp;
let browser: Browser;

async function token(username: string): Promise<string> {
  const response = await server.http.post('/api/auth/login', { username, password: PASSWORD });
  expect(response.status).toBe(200);
  return response.body.accessToken as string;
}

async function submit(title: string): Promise<string> {
  const response = await server.http.post('/api/suggestions', { title, content: '具体内容。' }, { token: await token('daibiao1') });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestApp({ DEMO_DATA: 'on', WEB_DIST_PATH: WEB_DIST });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function expectColumnsOnScreen(page: Page, headers: string[]): Promise<void> {
  for (const header of headers) {
    const box = await page.getByRole('columnheader', { name: header, exact: true }).boundingBox();
    if (!box) throw new Error(`no ${header} column header`);
    const right = box.x + box.width;
    if (box.x < 0 || right > LAPTOP.width) throw new Error(`the ${header} column spans x = ${box.x}..${right}, outside the ${LAPTOP.width} px window`);
  }
  // Nothing wider than the window: no horizontal scrolling of the page or of the table.
  expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
}

/** The row of this suggestion: its title cut to at most two lines, the whole title on hover and on focus. */
async function expectTitleReachable(page: Page, id: string): Promise<void> {
  const link = page.locator(`[data-testid=suggestion-list] a[data-suggestion-id="${id}"]`);
  await link.waitFor();
  expect(await link.getAttribute('title')).toBe(LONG_TITLE);
  // Runs in the page: the root tsconfig has no DOM types.
  const lineHeight = await link.evaluate((a) => parseFloat((globalThis as any).getComputedStyle(a).lineHeight));
  const box = await link.boundingBox();
  expect(box!.height).toBeLessThanOrEqual(lineHeight * 2 + 1);
  // Tabbing to the link shows the whole title, as hovering does.
  await link.focus();
  const tooltip = page.locator('.ant-tooltip:not(.ant-tooltip-hidden)', { hasText: LONG_TITLE });
  await tooltip.waitFor();
  expect((await tooltip.innerText()).trim()).toBe(LONG_TITLE);
  await link.blur();
  await page.mouse.move(0, 0);
  await tooltip.waitFor({ state: 'hidden' });
  await link.hover();
  await tooltip.waitFor();
}

it('staff list and unit to-do at 1366 px: every column on screen, the long title cut with the whole of it reachable', async () => {
  expect([...LONG_TITLE].length).toBe(180);
  const waiting = await submit(LONG_TITLE);
  const assigned = await submit(LONG_TITLE);
  const staffToken = await token('gongwei');
  expect((await server.http.post(`/api/suggestions/${assigned}/accept`, {}, { token: staffToken })).status).toBe(200);
  const assign = await server.http.post(`/api/suggestions/${assigned}/assign`, { mode: 'sole', unitIds: ['jiaotong'] }, { token: staffToken });
  expect(assign.status).toBe(200);

  const staff = await openPerson(browser, server.baseUrl, LAPTOP);
  await signIn(staff.page, 'gongwei', PASSWORD);
  await staff.page.goto('/#/staff');
  await expectTitleReachable(staff.page, waiting);
  await expectColumnsOnScreen(staff.page, ['标题', '状态', '承办单位', '领衔代表', '期限', '提出时间']);
  await screenshot(staff.page, 'long-title-staff-1366');

  const unit = await openPerson(browser, server.baseUrl, LAPTOP);
  await signIn(unit.page, 'jiaotong', PASSWORD);
  await unit.page.goto('/#/unit');
  await expectTitleReachable(unit.page, assigned);
  await expectColumnsOnScreen(unit.page, ['标题', '状态', '承办单位', '领衔代表', '期限', '提出时间']);
  await screenshot(unit.page, 'long-title-unit-1366');

  expect([...staff.pageErrors, ...unit.pageErrors]).toEqual([]);
});
