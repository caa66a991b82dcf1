import type { Browser } from 'playwright-core';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../support/test-app';
import { DESKTOP, launchChromium, openPerson, screenshot, type Person } from './support/browser';
import { signIn } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/**
 * A 2027 answer deadline shows 暂定 with its reason; the admin loads the notice on the 日历 page, the
 * tag goes and the timeline says what moved; the deputy's viewing of the answer records its receipt.
 */
jest.setTimeout(240_000);

const PASSWORD = 'demo1234';
const NOTICE = {
  years: {
    '2027': {
      holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
      workdays: ['2027-02-14', '2027-02-20'],
    },
  },
};

let server: TestApp;
let browser: Browser;
let staff: Person;
let admin: Person;
let deputy: Person;

async function as(username: string, password: string, path: string, body: object): Promise<{ status: number; body: { id?: string } }> {
  const login = await server.http.post('/api/auth/login', { username, password });
  return server.http.post(path, body, { token: login.body.accessToken as string });
}

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestApp({ DEMO_DATA: 'on', WEB_DIST_PATH: WEB_DIST });
  expect((await as('admin', TEST_ADMIN_PASSWORD, '/api/test-clock', { now: '2026-11-05T02:00:00Z' })).status).toBe(200);
  browser = await launchChromium();
  [staff, admin, deputy] = await Promise.all([1, 2, 3].map(() => openPerson(browser, server.baseUrl, DESKTOP)));
  await signIn(staff.page, 'gongwei', PASSWORD);
  await signIn(admin.page, 'admin', TEST_ADMIN_PASSWORD);
  await signIn(deputy.page, 'daibiao2', PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

afterEach(() => {
  for (const person of [staff, admin, deputy]) expect(person?.pageErrors.splice(0) ?? []).toEqual([]);
});

it('暂定 until the admin loads the notice on 日历; then the deadline is recomputed and the deputy’s viewing records receipt', async () => {
  const submitted = await as('daibiao2', PASSWORD, '/api/suggestions', { title: `关于春节公交夜班车的建议 ${Date.now().toString(36)}`, content: '建议春节期间增开夜班公交。' });
  expect(submitted.status).toBe(201);
  const id = submitted.body.id!;
  expect((await as('gongwei', PASSWORD, `/api/suggestions/${id}/accept`, {})).status).toBe(200);
  expect((await as('gongwei', PASSWORD, `/api/suggestions/${id}/assign`, { mode: 'sole', unitIds: ['jiaotong'] })).status).toBe(200);

  await staff.page.goto(`/#/staff/suggestions/${id}`);
  const card = staff.page.locator('[data-unit-id=jiaotong]');
  await card.getByTestId('provisional-tag').waitFor();
  await screenshot(staff.page, 'provisional-deadline');

  await admin.page.goto('/#/admin/calendar');
  await admin.page.getByTestId('year-2027-provisional').waitFor();
  await admin.page.getByTestId('notice-json').fill(JSON.stringify(NOTICE, null, 2));
  await admin.page.getByTestId('notice-submit').click();
  await admin.page.getByTestId('notice-result').waitFor();
  await expect(admin.page.getByTestId('notice-result').textContent()).resolves.toMatch(/期限已重算[1-9]\d* 件/);
  await admin.page.getByTestId('year-2027-official').waitFor();
  await screenshot(admin.page, 'calendar-notice-loaded');

  await staff.page.reload();
  await staff.page.locator('[data-event-type=DeadlinesRecomputed]').waitFor();
  expect(await card.getByTestId('provisional-tag').count()).toBe(0);
  await expect(staff.page.locator('[data-event-type=DeadlinesRecomputed]').textContent()).resolves.toContain('2027-02-09');

  expect((await as('jiaotong', PASSWORD, `/api/suggestions/${id}/answer`, { category: 'A', content: '春节期间已增开夜班公交。', signedBy: '王局长' })).status).toBe(200);
  await deputy.page.goto(`/#/deputy/suggestions/${id}`);
  await deputy.page.locator('[data-event-type=AnswerDelivered]').waitFor();
  await screenshot(deputy.page, 'answer-delivered');
});
