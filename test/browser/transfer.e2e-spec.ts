import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { DESKTOP, launchChromium, openPerson, type Person } from './support/browser';
import { choose, fillField, openDialog, signIn, submitDialog } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/** 转办 through the staff page: the button appears from allowedActions and the new unit gets the suggestion. */
jest.setTimeout(180_000);

const PASSWORD = 'demo1234';

let server: TestApp;
let browser: Browser;
let staff: Person;
let newUnit: Person;

async function as(username: string, path: string, body: object): Promise<{ status: number; body: { id?: string } }> {
  const login = await server.http.post('/api/auth/login', { username, password: PASSWORD });
  return server.http.post(path, body, { token: login.body.accessToken as string });
}

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestApp({ DEMO_DATA: 'on', WEB_DIST_PATH: WEB_DIST });
  browser = await launchChromium();
  [staff, newUnit] = await Promise.all([openPerson(browser, server.baseUrl, DESKTOP), openPerson(browser, server.baseUrl, DESKTOP)]);
  await signIn(staff.page, 'gongwei', PASSWORD);
  await signIn(newUnit.page, 'weijian', PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

afterEach(() => {
  for (const person of [staff, newUnit]) expect(person?.pageErrors.splice(0) ?? []).toEqual([]);
});

it('staff click 转办, choose the new unit and a reason; the timeline shows it and the new unit can answer', async () => {
  const submitted = await as('daibiao2', '/api/suggestions', { title: `关于社区医院夜间门诊的建议 ${Date.now().toString(36)}`, content: '建议开设夜间门诊。' });
  expect(submitted.status).toBe(201);
  const id = submitted.body.id!;
  expect((await as('gongwei', `/api/suggestions/${id}/accept`, {})).status).toBe(200);
  expect((await as('gongwei', `/api/suggestions/${id}/assign`, { mode: 'sole', unitIds: ['jiaotong'] })).status).toBe(200);

  const { page } = staff;
  await page.goto(`/#/staff/suggestions/${id}`);
  const modal = await openDialog(page, 'transfer');
  await choose(page, modal, '新承办单位', '市卫生健康委员会');
  await fillField(modal, '转办理由', '夜间门诊属于卫生健康部门职责。');
  await submitDialog(modal);
  await page.getByTestId('timeline').locator('[data-event-type=SuggestionTransferred]').waitFor();
  await expect(page.getByTestId('timeline').locator('[data-event-type=SuggestionTransferred]').textContent()).resolves.toContain('市卫生健康委员会');

  await newUnit.page.goto(`/#/unit/suggestions/${id}`);
  await newUnit.page.getByTestId('answer').waitFor();
});
