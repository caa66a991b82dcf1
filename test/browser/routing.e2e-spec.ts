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
