import type { Browser, Locator, Page } from 'playwright-core';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../support/test-app';
import { DESKTOP, launchChromium, openPerson, screenshot, type Person } from './support/browser';
import { choose, fillField, label, openDialog, signIn, signOut, submitDialog } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/**
 * An office's administration through the pages: the admin registers a unit (市水务局) and its user,
 * switches the account off and on, resets its password; the new user replaces the password. Then
 * editing after creation: a unit renamed, a deputy's phone and delegation, the deputy's own 个人信息,
 * and the number beside the suggestion for the unit handling it. Then drafts: an answer typed in
 * the dialog survives an ended session and the sign-in returns to it. Last, a page whose code has
 * vanished (a redeploy while the tab was open) is opened in-app: one reload, and it shows.
 */
jest.setTimeout(240_000);

const PASSWORD = 'demo1234';

let server: TestApp;
let browser: Browser;
let admin: Person;
let unit: Person;

async function canLogIn(username: string, password: string): Promise<number> {
  return (await server.http.post('/api/auth/login', { username, password })).status;
}

async function token(username: string, password = PASSWORD): Promise<string> {
  const response = await server.http.post('/api/auth/login', { username, password });
  expect(response.status).toBe(200);
  return response.body.accessToken as string;
}

/**
 * Clicks a row's button and confirms its popover, found by its question: the popover of the row's
 * previous action may still be fading out. A click that lands while the row re-renders is repeated.
 */
async function confirmRowAction(page: Page, button: Locator, question: RegExp): Promise<void> {
  const popover = page.locator('.ant-popover:visible', { hasText: question });
  for (let attempt = 1; ; attempt += 1) {
    await button.click();
    try {
      await popover.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  await popover.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
}

/** The row of this account in the users table. */
const userRow = (page: Page, username: string) => page.locator('[data-testid=users-table] tr', { has: page.locator('td', { hasText: new RegExp(`^${username}$`) }) });

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestApp({ DEMO_DATA: 'on', WEB_DIST_PATH: WEB_DIST });
  browser = await launchChromium();
  [admin, unit] = await Promise.all([openPerson(browser, server.baseUrl, DESKTOP), openPerson(browser, server.baseUrl, { width: 1366, height: 900 })]);
  await signIn(admin.page, 'admin', TEST_ADMIN_PASSWORD);
  // A page that fails to render logs why (the error boundary); a failed test shows it.
  unit.page.on('console', (m) => {
    if (m.type() === 'error') console.error(`browser: ${m.text().slice(0, 2000)}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

afterEach(() => {
  for (const person of [admin, unit]) expect(person?.pageErrors.splice(0) ?? []).toEqual([]);
});

describe('administration', () => {
  it('admin: the menu has 用户管理 and 单位管理; registers 市水务局', async () => {
    const { page } = admin;
    await page.getByRole('menuitem', { name: /单位管理/ }).click();
    await page.getByTestId('units-table').waitFor();
    const dialog = await openDialog(page, 'create-unit');
    await fillField(dialog, '单位编号', 'shuiwu');
    await fillField(dialog, '单位名称', '市水务局');
    await submitDialog(dialog);
    await page.locator('[data-testid=units-table] td', { hasText: '市水务局' }).waitFor();
    expect(await page.title()).toMatch(/单位管理/);
    await screenshot(page, 'admin-units-1280');
  });

  it('admin: 代表团管理 lists 东城区代表团 with its head; registers 西城区代表团 with a head chosen among the deputies', async () => {
    const { page } = admin;
    await page.getByRole('menuitem', { name: /代表团管理/ }).click();
    await page.getByTestId('delegations-table').waitFor();
    await page.locator('[data-testid=delegations-table] td', { hasText: '东城区代表团' }).waitFor();
    const dialog = await openDialog(page, 'create-delegation');
    await fillField(dialog, '代表团名称', '西城区代表团');
    await choose(page, dialog, '团长', 'daibiao2');
    await submitDialog(dialog);
    const row = page.locator('[data-testid=delegations-table] tr', { has: page.locator('td', { hasText: /^西城区代表团$/ }) });
    await row.waitFor();
    expect(await row.locator('td').nth(2).textContent()).toBe('0');
    expect(await page.title()).toMatch(/代表团管理/);
    const listed = await server.http.get('/api/delegations', { token: await token('admin', TEST_ADMIN_PASSWORD) });
    expect((listed.body as { name: string; headDeputyId?: string }[]).find((d) => d.name === '西城区代表团')?.headDeputyId).toBe('daibiao2');

    // 用户管理 names a deputy's 代表团.
    await page.getByRole('menuitem', { name: /用户管理/ }).click();
    await userRow(page, 'daibiao1').getByText('东城区代表团', { exact: true }).waitFor();
  });

  it('admin: creates the unit\'s user, who can sign in; deactivates (refused at login) and reactivates them', async () => {
    const { page } = admin;
    await page.getByRole('menuitem', { name: /用户管理/ }).click();
    await page.getByTestId('users-table').waitFor();
    const dialog = await openDialog(page, 'create-user');
    await fillField(dialog, '用户名', 'shuiwu1');
    await fillField(dialog, '姓名', '市水务局建议办理专员');
    await choose(page, dialog, '角色', '承办单位');
    await choose(page, dialog, '所属承办单位', '市水务局');
    await fillField(dialog, '初始密码', 'shuiwu-first-1');
    await submitDialog(dialog);
    const row = userRow(page, 'shuiwu1');
    await row.getByText('正常').waitFor();
    await row.getByText('市水务局', { exact: true }).waitFor();
    expect(await canLogIn('shuiwu1', 'shuiwu-first-1')).toBe(200);

    await confirmRowAction(page, row.getByTestId('deactivate-shuiwu1'), /停用「市水务局建议办理专员」的账号/);
    await row.getByText('已停用').waitFor();
    expect(await canLogIn('shuiwu1', 'shuiwu-first-1')).toBe(401);
    await screenshot(page, 'admin-users-deactivated-1280');

    await confirmRowAction(page, row.getByTestId('reactivate-shuiwu1'), /重新启用「市水务局建议办理专员」/);
    await row.getByText('正常').waitFor();
    expect(await canLogIn('shuiwu1', 'shuiwu-first-1')).toBe(200);
  });

  it('admin: resets the password; the user signs in with it and replaces it on 修改密码', async () => {
    const dialog = await openDialog(admin.page, 'reset-password-shuiwu1');
    await fillField(dialog, '新密码', 'reset-by-admin-1');
    await submitDialog(dialog);
    await admin.page.getByText('密码已重置').first().waitFor();
    expect(await canLogIn('shuiwu1', 'shuiwu-first-1')).toBe(401);

    const { page } = unit;
    await signIn(page, 'shuiwu1', 'reset-by-admin-1');
    await page.getByRole('menuitem', { name: /修改密码/ }).click();
    await fillField(page.locator('form[id=change-password]'), '当前密码', 'reset-by-admin-1');
    await fillField(page.locator('form[id=change-password]'), '新密码', 'chosen-by-me-1');
    await fillField(page.locator('form[id=change-password]'), '确认新密码', 'chosen-by-me-1');
    await page.locator('form[id=change-password] button[type=submit]').click();
    // Signed in again with the new password, at the role's first page.
    await page.waitForURL(/#\/unit$/);
    await page.getByTestId('user-box').waitFor();
    expect(await canLogIn('shuiwu1', 'chosen-by-me-1')).toBe(200);
    expect(await canLogIn('shuiwu1', 'reset-by-admin-1')).toBe(401);
  });
});

describe('editing after creation', () => {
  const PHONE = '13912345678';

  it('admin: renames 市水务局 in 单位管理; the unit list and its user in 用户管理 show the new name', async () => {
    const { page } = admin;
    await page.getByRole('menuitem', { name: /单位管理/ }).click();
    await page.getByTestId('units-table').waitFor();
    const dialog = await openDialog(page, 'rename-unit-shuiwu');
    await fillField(dialog, '单位名称', '市水务管理局');
    await submitDialog(dialog);
    await page.locator('[data-testid=units-table] td', { hasText: /^市水务管理局$/ }).waitFor();
    expect(await page.locator('[data-testid=units-table] td', { hasText: /^市水务局$/ }).count()).toBe(0);
    await page.getByRole('menuitem', { name: /用户管理/ }).click();
    await userRow(page, 'shuiwu1').getByText('市水务管理局', { exact: true }).waitFor();
  });

  it('admin: a malformed phone is refused in the dialog; a good one is shown in 用户管理; a deputy changes delegation', async () => {
    const { page } = admin;
    let dialog = await openDialog(page, 'change-phone-daibiao1');
    await fillField(dialog, '电话号码', '12345');
    await submitDialog(dialog);
    await dialog.locator('.ant-form-item-explain-error', { hasText: '电话号码格式无效' }).waitFor();
    await fillField(dialog, '电话号码', PHONE);
    await submitDialog(dialog);
    await userRow(page, 'daibiao1').getByText(PHONE, { exact: true }).waitFor();

    dialog = await openDialog(page, 'change-delegation-daibiao3');
    await choose(page, dialog, '所属代表团', '西城区代表团');
    await submitDialog(dialog);
    await userRow(page, 'daibiao3').getByText('西城区代表团', { exact: true }).waitFor();
    await screenshot(page, 'admin-users-edited-1280');
  });

  it('deputy: keeps their own number on 个人信息; the unit handling their suggestion sees it beside the suggestion', async () => {
    const { page } = unit;
    if (await page.getByTestId('user-box').isVisible()) await signOut(page);
    await signIn(page, 'daibiao2', PASSWORD);
    await page.getByRole('menuitem', { name: /个人信息/ }).click();
    await page.getByTestId('profile-phone').fill('010-62345678');
    await page.getByTestId('save-phone').click();
    await page.getByText('电话号码已保存').first().waitFor();
    await page.reload();
    await page.getByTestId('profile').waitFor();
    expect(await page.getByTestId('profile-phone').inputValue()).toBe('010-62345678');
    expect(await page.title()).toMatch(/个人信息/);
    await screenshot(page, 'deputy-profile-1366');

    // A suggestion daibiao1 leads and daibiao2 co-signs, handled by 交通局.
    const id = (
      await server.http.post('/api/suggestions', { title: '关于学校门口加装信号灯的建议', content: '上下学时段车流密集。', coSignerIds: ['daibiao2'] }, { token: await token('daibiao1') })
    ).body.id as string;
    expect((await server.http.post(`/api/suggestions/${id}/accept`, {}, { token: await token('gongwei') })).status).toBe(200);
    expect((await server.http.post(`/api/suggestions/${id}/assign`, { mode: 'sole', unitIds: ['jiaotong'] }, { token: await token('gongwei') })).status).toBe(200);
    // The deputy's own page has no numbers.
    await page.goto(`/#/deputy/suggestions/${id}`);
    await page.getByTestId('suggestion-detail').waitFor();
    expect(await page.getByTestId('deputy-contacts').count()).toBe(0);

    await signOut(page);
    await signIn(page, 'jiaotong', PASSWORD);
    await page.goto(`/#/unit/suggestions/${id}`);
    const contacts = page.getByTestId('deputy-contacts');
    await contacts.locator('[data-deputy-id=daibiao1] a[href="tel:13912345678"]').waitFor();
    await contacts.locator('[data-deputy-id=daibiao2]', { hasText: '010-62345678' }).waitFor();
    await screenshot(page, 'unit-deputy-contacts-1366');
  });
});

describe('drafts survive an ended session', () => {
  const answerText = `关于城区内涝点整治的答复：${'我局已对全市排水管网进行排查，'.repeat(40)}`.slice(0, 600);

  it('unit: a 600-character answer typed in the dialog is back after signing in again, on the same page', async () => {
    const id = (await server.http.post('/api/suggestions', { title: '关于整治城区内涝点的建议', content: '多处路口雨后积水。' }, { token: await token('daibiao1') })).body.id as string;
    expect((await server.http.post(`/api/suggestions/${id}/accept`, {}, { token: await token('gongwei') })).status).toBe(200);
    expect((await server.http.post(`/api/suggestions/${id}/assign`, { mode: 'sole', unitIds: ['jiaotong'] }, { token: await token('gongwei') })).status).toBe(200);
    const contact = { method: '电话', summary: '已电话联系张伟代表' };
    expect((await server.http.post(`/api/suggestions/${id}/contact`, contact, { token: await token('jiaotong') })).status).toBe(200);

    const { page } = unit;
    if (await page.getByTestId('user-box').isVisible()) await signOut(page);
    await signIn(page, 'jiaotong', PASSWORD);
    await page.goto(`/#/unit/suggestions/${id}`);
    const dialog = await openDialog(page, 'answer');
    await choose(page, dialog, '答复类别', 'D 类');
    await dialog.getByTestId('answer-content').fill(answerText);
    await dialog.getByTestId('answer-signer').fill('王局长');

    // The session ends while the dialog is open (as an expiry would): the api refuses the token.
    const pageToken = await page.evaluate<string | null>("localStorage.getItem('duban.accessToken')");
    expect((await server.http.post('/api/auth/logout', {}, { token: pageToken! })).status).toBe(200);
    await submitDialog(dialog);
    await page.getByText('登录已失效，请重新登录').waitFor();

    await page.getByPlaceholder('用户名').fill('jiaotong');
    await page.getByPlaceholder('密码').fill(PASSWORD);
    await page.locator('.login-card button[type=submit]').click();
    await page.waitForURL(new RegExp(`#/unit/suggestions/${id}$`));
    const again = await openDialog(page, 'answer');
    await again.getByTestId('draft-restored').waitFor();
    expect(await again.getByTestId('answer-content').inputValue()).toBe(answerText);
    expect(await again.getByTestId('answer-signer').inputValue()).toBe('王局长');
    await screenshot(page, 'answer-draft-restored-1366');

    await submitDialog(again);
    await page.getByText('答复已提交').first().waitFor();
    const left = await page.evaluate<number>("Object.keys(localStorage).filter((k) => k.startsWith('duban.draft.')).length");
    expect(left).toBe(0);
  });

  it('deputy: a suggestion typed on 提出建议 is back after a reload, and gone once submitted', async () => {
    const { page } = unit;
    if (await page.getByTestId('user-box').isVisible()) await signOut(page);
    await signIn(page, 'daibiao2', PASSWORD);
    await page.goto('/#/deputy/new');
    await page.getByPlaceholder('例如：关于优化公交线路的建议').fill('关于增设社区养老食堂的建议');
    await page.getByPlaceholder('问题、原因与具体建议').fill('老人就餐不便，建议每个街道设一处养老食堂。');
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByPlaceholder('问题、原因与具体建议').inputValue()).toBe('老人就餐不便，建议每个街道设一处养老食堂。');
    await page.getByRole('button', { name: label('提交建议') }).click();
    await page.waitForURL(/#\/deputy\/suggestions\//);
    await page.getByTestId('suggestion-detail').waitFor();
    await page.goto('/#/deputy/new');
    await page.getByPlaceholder('例如：关于优化公交线路的建议').waitFor();
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    expect(await page.getByPlaceholder('例如：关于优化公交线路的建议').inputValue()).toBe('');
  });
});

describe('a page whose code vanished after a redeploy', () => {
  it('staff: opening 办理规则 in-app when its code cannot be fetched reloads once and shows the page, not 页面出错了', async () => {
    const { page } = unit;
    if (await page.getByTestId('user-box').isVisible()) await signOut(page);
    await signIn(page, 'gongwei', PASSWORD);
    await page.getByTestId('user-box').waitFor();
    let refused = 0;
    // The first request for the page's code fails, as when the file was replaced by a new build.
    await page.route('**/assets/rulebook-page-*.js', async (route) => {
      if (refused++ === 0) return route.abort('failed');
      return route.continue();
    });
    await page.evaluate("window.__beforeRedeploy = true; location.hash = '#/rulebook'");
    await page.locator('h1', { hasText: '办理规则' }).waitFor({ timeout: 30_000 });
    expect(refused).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate<boolean>('window.__beforeRedeploy === true')).toBe(false);
    expect(await page.getByText('页面出错了').count()).toBe(0);
    await page.unroute('**/assets/rulebook-page-*.js');
    // The failed import is the browser's message, which the page-error check would otherwise count.
    unit.pageErrors.splice(0);
  });
});
