import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { DESKTOP, launchChromium, openPerson, PHONE, screenshot, type Person } from './support/browser';
import { dialog, openDialog, signIn, submitDialog } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/**
 * Lists that hold a session's work: the server filters, sorts and pages, the filters live in the
 * address (a reload keeps them), staff pick rows, the export downloads the same filters; date
 * pickers offer only the days the rules accept; a stale edit is explained and the page refreshed.
 * One server (the demo organisation) and one browser for the whole file.
 */
jest.setTimeout(300_000);

const PASSWORD = 'demo1234';

let server: TestApp;
let browser: Browser;
const people: Person[] = [];

async function token(username: string): Promise<string> {
  const response = await server.http.post('/api/auth/login', { username, password: PASSWORD });
  expect(response.status).toBe(200);
  return response.body.accessToken as string;
}

async function apiList(username: string, query: string): Promise<{ ids: string[]; total: number }> {
  const response = await server.http.get(`/api/suggestions?${query}`, { token: await token(username) });
  expect(response.status).toBe(200);
  return { ids: (response.body.items as { id: string }[]).map((i) => i.id), total: response.body.total as number };
}

async function open(username: string, viewport = DESKTOP): Promise<Page> {
  const person = await openPerson(browser, server.baseUrl, viewport);
  people.push(person);
  await signIn(person.page, username, PASSWORD);
  return person.page;
}

/** The ids of the rows shown, once the table has the rows the api gives for `expected`. */
async function expectRows(page: Page, expected: string[]): Promise<void> {
  const shown = () =>
    page.evaluate<string[]>("[...document.querySelectorAll('[data-testid=suggestion-list] a[data-suggestion-id]')].map((a) => a.getAttribute('data-suggestion-id'))");
  const deadline = Date.now() + 15_000;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = await shown();
    if (JSON.stringify(last) === JSON.stringify(expected) && !(await page.locator('.ant-table .ant-spin-spinning').count())) return;
    await page.waitForTimeout(100);
  }
  expect(last).toEqual(expected);
}

function hashQuery(page: Page): URLSearchParams {
  const hash = new URL(page.url()).hash;
  return new URLSearchParams(hash.slice(hash.indexOf('?') + 1));
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

afterEach(() => {
  expect(people.flatMap((p) => p.pageErrors)).toEqual([]);
});

it('staff: sort, pages and filters come from the server and stay in the address across a reload; rows can be picked; the export has the same rows', async () => {
  const page = await open('gongwei');
  await page.goto('/#/staff?view=all&pageSize=5&sort=submittedAt&order=desc');
  const newest = await apiList('gongwei', 'pageSize=5&sort=submittedAt&order=desc');
  expect(newest.total).toBeGreaterThan(5);
  await expectRows(page, newest.ids);
  await page.getByText(`共 ${newest.total} 件`).waitFor();

  // Page 2 is the server's page 2.
  await page.locator('.ant-pagination-item-2').click();
  await expectRows(page, (await apiList('gongwei', 'pageSize=5&page=2&sort=submittedAt&order=desc')).ids);
  expect(hashQuery(page).get('page')).toBe('2');

  // A column header sorts on the server, from page 1.
  await page.getByRole('columnheader', { name: '标题' }).click();
  await expectRows(page, (await apiList('gongwei', 'pageSize=5&sort=title&order=asc')).ids);
  expect(hashQuery(page).get('sort')).toBe('title');
  expect(hashQuery(page).get('page')).toBeNull();

  // The answer category filter, picked in the page, goes to the address and the api.
  await page.getByTestId('filter-category').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'A 类' }).click();
  const categoryA = await apiList('gongwei', 'pageSize=5&sort=title&order=asc&category=A');
  expect(categoryA.total).toBeGreaterThan(0);
  await expectRows(page, categoryA.ids);
  expect(hashQuery(page).get('category')).toBe('A');

  // A reload (or a shared link) shows the same list.
  await page.reload();
  await expectRows(page, categoryA.ids);
  expect(await page.getByTestId('filter-category').textContent()).toContain('A 类');

  // Submission dates as whole Beijing days.
  await page.goto('/#/staff?view=all&pageSize=20&sort=submittedAt&submittedFrom=2000-01-01&submittedTo=2000-12-31');
  await expectRows(page, []);
  await page.getByText('暂无建议').waitFor();
  await page.getByTestId('clear-filters').click();
  await expectRows(page, (await apiList('gongwei', 'pageSize=20&sort=submittedAt')).ids);

  // Rows picked for the batch actions.
  // The row's own checkbox (named 选择：<title>), clicked where a person clicks: its visible box.
  const boxes = page.locator('tr[data-row-key] td.ant-table-selection-column .ant-checkbox');
  await boxes.nth(0).click();
  await boxes.nth(1).click();
  await page.getByTestId('selection-bar').getByText('已选择 2 件建议').waitFor();
  await screenshot(page, 'lists-staff-filters-1280');

  // The export downloads what the filters select (every row, not only this page).
  await page.goto('/#/staff?view=handling&pageSize=5');
  const handling = await apiList('gongwei', 'statuses=assigned,rehandling&pageSize=100');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-excel').click()]);
  expect(file.suggestedFilename()).toBe('建议列表.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
  const exported: string[] = [];
  workbook.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) exported.push(String(row.getCell(1).value));
  });
  expect(exported.sort()).toEqual([...handling.ids].sort());
});

it('staff: the 代表团 filter puts delegationId in the address and narrows the list to the suggestions made in its name', async () => {
  const page = await open('gongwei');
  const delegations = await server.http.get('/api/delegations', { token: await token('gongwei') });
  expect(delegations.status).toBe(200);
  const east = (delegations.body as { id: string; name: string }[]).find((d) => d.name === '东城区代表团')!;
  expect(east).toBeDefined();
  await page.goto('/#/staff?view=all&pageSize=100&sort=submittedAt');
  const all = await apiList('gongwei', 'pageSize=100&sort=submittedAt');
  await expectRows(page, all.ids);
  await page.getByRole('combobox', { name: '按代表团筛选' }).waitFor();
  await page.getByTestId('filter-delegation').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '东城区代表团' }).click();
  const byEast = await apiList('gongwei', `pageSize=100&sort=submittedAt&delegationId=${encodeURIComponent(east.id)}`);
  expect(byEast.total).toBeGreaterThan(0);
  expect(byEast.total).toBeLessThan(all.total);
  await expectRows(page, byEast.ids);
  expect(hashQuery(page).get('delegationId')).toBe(east.id);
  await page.reload();
  await expectRows(page, byEast.ids);
  expect(await page.getByTestId('filter-delegation').textContent()).toContain('东城区代表团');
});

it('staff: 待审批 has a count, and a list that fails to load shows no （0）', async () => {
  const page = await open('gongwei');
  await page.goto('/#/staff');
  const pending = await apiList('gongwei', 'pendingRequest=true&pageSize=1');
  await page.getByTestId('staff-views').getByText(`待审批（${pending.total}）`).waitFor();
  // The api refuses a hand-edited address: the error is said, and no count pretends to be zero.
  await page.goto('/#/staff?view=all&sort=nonsense');
  await page.getByTestId('load-error').waitFor();
  expect(await page.getByTestId('load-error').textContent()).toContain('排序字段');
});

it('a deputy: the list says 领衔 or 附议, and a co-signer sees no rating deadline', async () => {
  const page = await open('daibiao3', PHONE);
  await page.goto('/#/deputy');
  const cards = page.locator('[data-testid=suggestion-list] a[data-suggestion-id]');
  await cards.first().waitFor();
  const roles = await page.getByTestId('deputy-role').allTextContents();
  expect(roles).toContain('附议');
  expect(roles).toContain('领衔');
  // Rating is the lead deputy's: a co-signed suggestion waiting for its rating shows no 评价 deadline.
  for (const card of await cards.all()) {
    const text = (await card.textContent()) ?? '';
    if (text.includes('附议')) expect(text).not.toContain('评价 ');
  }
  await screenshot(page, 'lists-deputy-roles-390');
});

it('a unit: the extension picker offers only the days the rules accept, the contact deadline is shown, and a stale edit is explained with the page refreshed', async () => {
  const unitToken = await token('jiaotong');
  const list = await server.http.get('/api/suggestions?statuses=assigned&pageSize=100', { token: unitToken });
  let chosen: { id: string; dueAt: string; max: string } | undefined;
  for (const item of list.body.items as { id: string }[]) {
    const detail = (await server.http.get(`/api/suggestions/${item.id}`, { token: unitToken })).body;
    const unit = detail.assignment.units.find((u: { unitId: string }) => u.unitId === 'jiaotong');
    // Not overdue: an overdue unit may ask from today on (the lateness stays), so today is a valid day there.
    const notOverdue = new Date(unit.dueAt).getTime() > Date.now() + 24 * 3600_000;
    if (detail.allowedActions.includes('requestExtension') && !detail.assignment.pendingExtension && notOverdue) {
      chosen = { id: item.id, dueAt: unit.dueAt, max: (unit.deadlines ?? detail.assignment.deadlines).extensionMaxAt };
      break;
    }
  }
  if (!chosen) throw new Error('the demo gives 市交通运输局 no suggestion it may ask to extend');
  const lastDay = (iso: string) => new Date(new Date(iso).getTime() - 1 + 8 * 3600_000).toISOString().slice(0, 10);

  const page = await open('jiaotong');
  // This screen is to go stale below: without its live connection it does not hear of the change
  // made meanwhile. With it, the live refresh could win the race against the send on a loaded
  // machine, and the send would rightly go through (the handling spec cuts the connection too).
  await page.context().route('**/api/events/stream**', (route) => route.abort());
  await page.reload();
  await page.goto(`/#/unit/suggestions/${chosen.id}`);
  await page.getByTestId('contact-state').first().waitFor();
  const modal = await openDialog(page, 'request-extension');
  expect(await modal.getByTestId('extension-limit').textContent()).toContain(`最晚可选 ${lastDay(chosen.max)}`);
  const input = modal.locator('input[data-testid=extension-until], [data-testid=extension-until] input').first();
  await input.click();
  const panel = page.locator('.ant-picker-dropdown:visible');
  // Today (Beijing) is not after the current due time and cannot be picked.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const todayCell = panel.locator(`td[title="${today}"]`);
  if (await todayCell.count()) expect(await todayCell.getAttribute('class')).toContain('ant-picker-cell-disabled');
  await screenshot(page, 'lists-extension-picker-1280');
  // A day past the maximum typed in is not taken; the maximum itself is.
  const afterMax = new Date(new Date(chosen.max).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  await input.fill(afterMax);
  await input.press('Enter');
  await page.keyboard.press('Escape');
  expect(await input.inputValue()).not.toBe(afterMax);
  await input.click();
  await input.fill(lastDay(chosen.max));
  await input.press('Enter');
  expect(await input.inputValue()).toBe(lastDay(chosen.max));
  await modal.locator('textarea').fill('需要协调多个部门。');

  // Meanwhile someone else changes the suggestion: the send is refused, explained, the page refreshed.
  const before = Number(await page.getByTestId('suggestion-detail').getAttribute('data-revision'));
  const urged = await server.http.post(`/api/suggestions/${chosen.id}/urge`, { note: '请抓紧办理。' }, { token: await token('duban') });
  expect(urged.status).toBe(200);
  await submitDialog(modal);
  await dialog(page, 'request-extension').getByTestId('action-error').getByText('页面已刷新为最新内容').waitFor();
  await page.locator(`[data-testid=suggestion-detail][data-revision="${before + 1}"]`).waitFor();
  await screenshot(page, 'lists-stale-edit-1280');
  // Sent again on the refreshed page, it goes through.
  await submitDialog(modal);
  await page.locator(`[data-testid=suggestion-detail][data-revision="${before + 2}"]`).waitFor();
});
