import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { DESKTOP, launchChromium, openPerson, screenshot, type Person } from './support/browser';
import { openDialog, signIn, submitDialog, waitForStatus } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/**
 * 智能交办 in the 交办 dialog: on the demo's history (bus, metro and road suggestions went to 市交通运输局)
 * a new bus suggestion ranks 市交通运输局 first with its reason; 填入 fills the form and staff submit
 * it themselves. The detail page lists similar suggestions the reader may open.
 */
jest.setTimeout(180_000);

const PASSWORD = 'demo1234';

let server: TestApp;
let browser: Browser;
let staff: Person;

async function as(username: string, path: string, body: object): Promise<{ status: number; body: { id?: string } }> {
  const login = await server.http.post('/api/auth/login', { username, password: PASSWORD });
  return server.http.post(path, body, { token: login.body.accessToken as string });
}

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestApp({ DEMO_DATA: 'on', WEB_DIST_PATH: WEB_DIST });
  browser = await launchChromium();
  staff = await openPerson(browser, server.baseUrl, DESKTOP);
  await signIn(staff.page, 'gongwei', PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

afterEach(() => {
  expect(staff?.pageErrors.splice(0) ?? []).toEqual([]);
});

it('staff see the ranking beside the assignment form, fill it with one click and assign', async () => {
  const submitted = await as('daibiao2', '/api/suggestions', {
    title: `关于优化公交线路和地铁换乘的建议 ${Date.now().toString(36)}`,
    content: '城东片区公交线路少、公交微循环线路不足，地铁与公交换乘衔接不畅，建议增设公交线路，优化地铁站公交接驳。',
  });
  expect(submitted.status).toBe(201);
  const id = submitted.body.id!;
  expect((await as('gongwei', `/api/suggestions/${id}/accept`, {})).status).toBe(200);

  const { page } = staff;
  await page.goto(`/#/staff/suggestions/${id}`);
  const modal = await openDialog(page, 'assign');
  const first = modal.getByTestId('routing-item').first();
  await first.waitFor();
  await expect(first.getAttribute('data-unit')).resolves.toBe('jiaotong');
  await expect(first.textContent()).resolves.toMatch(/市交通运输局[\s\S]*与已交办给市交通运输局的/);
  // Asking assigned nothing: the form is empty until 填入.
  await expect(modal.locator('.ant-form-item', { hasText: '承办单位' }).locator('.ant-select').textContent()).resolves.not.toContain('市交通运输局');
  await screenshot(page, 'routing-assign-dialog');
  await first.getByTestId('routing-fill-jiaotong').click();
  await modal.locator('.ant-form-item', { hasText: '承办单位' }).locator('.ant-select', { hasText: '市交通运输局' }).waitFor();
  await submitDialog(modal);
  await waitForStatus(page, 'assigned');

  // The detail page's similar suggestions: the demo's transport ones, each a link to its page.
  const similar = page.getByTestId('similar-suggestions');
  await similar.waitFor();
  const links = await similar.locator('a').allTextContents();
  expect(links.some((title) => /公交|地铁/.test(title))).toBe(true);
  await screenshot(page, 'routing-similar');
});

it('批量交办 逐件设置 pre-fills each item with its top-ranked unit; nothing is assigned until staff confirm', async () => {
  const stamp = Date.now().toString(36);
  const ids: string[] = [];
  for (const title of [`关于增设公交微循环线路的建议 ${stamp}`, `关于优化地铁公交换乘的建议 ${stamp}`]) {
    const submitted = await as('daibiao2', '/api/suggestions', {
      title,
      content: '公交线路少、公交微循环线路不足，地铁与公交换乘衔接不畅，建议增设公交线路，优化地铁站公交接驳。',
    });
    expect(submitted.status).toBe(201);
    ids.push(submitted.body.id!);
    expect((await as('gongwei', `/api/suggestions/${submitted.body.id}/accept`, {})).status).toBe(200);
  }
  const login = await server.http.post('/api/auth/login', { username: 'gongwei', password: PASSWORD });
  const statusOf = async (id: string) => (await server.http.get(`/api/suggestions/${id}`, { token: login.body.accessToken as string })).body.status;

  const { page } = staff;
  await page.goto('/#/staff?view=accepted&pageSize=100&sort=submittedAt');
  for (const id of ids) await page.locator(`tr[data-row-key="${id}"] td.ant-table-selection-column .ant-checkbox`).click();
  await page.getByTestId('batch-assign').click();
  const modal = page.locator('.ant-modal', { hasText: '批量交办（2 件）' });
  await modal.waitFor();
  await modal.getByText('逐件设置').click();
  await modal.getByRole('button', { name: '按智能交办参考预填' }).click();
  for (const id of ids) {
    const row = modal.locator(`tr[data-row-key="${id}"]`);
    await row.getByTestId('batch-prefill-reason').waitFor();
    await expect(row.getByTestId('batch-prefill-reason').textContent()).resolves.toMatch(/^市交通运输局：与已交办给市交通运输局的/);
    // 单独办理 with the top unit in its 承办单位 select.
    await row.locator('.ant-select', { hasText: '市交通运输局' }).waitFor();
  }
  // The pre-fill sent nothing: both still wait for 交办.
  for (const id of ids) await expect(statusOf(id)).resolves.toBe('accepted');
  await screenshot(page, 'routing-batch-prefill');

  await submitDialog(modal);
  await page.locator('.ant-modal', { hasText: '批量处理结果' }).getByText('共 2 件：成功 2 件').waitFor();
  for (const id of ids) await expect(statusOf(id)).resolves.toBe('assigned');
});
