import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { DESKTOP, launchChromium, openPerson, PHONE, screenshot, type Person } from './support/browser';
import { choose, confirmPopover, fillField, label, openDialog, pickRadio, signIn, submitDialog, waitForStatus } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/**
 * The rest of the handling work through the pages: lead + co-handler assignment, the co-handler's
 * opinion, a return request denied, an extension granted, key supervision and urging, a stale
 * screen refused with the api's message, a withdrawal and a rejection. Suggestions are created
 * over HTTP here; the lifecycle spec covers submitting through the page.
 */
jest.setTimeout(240_000);

const PASSWORD = 'demo1234';
const stamp = Date.now().toString(36);

let server: TestApp;
let browser: Browser;
let staff: Person;
let lead: Person;
let co: Person;
let supervisor: Person;
let deputy: Person;
let mainId = '';

async function token(username: string): Promise<string> {
  const response = await server.http.post('/api/auth/login', { username, password: PASSWORD });
  expect(response.status).toBe(200);
  return response.body.accessToken as string;
}

async function submitOverHttp(title: string): Promise<string> {
  const response = await server.http.post('/api/suggestions', { title, content: `${title}：具体内容。` }, { token: await token('daibiao2') });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

async function acceptOverHttp(id: string): Promise<void> {
  const response = await server.http.post(`/api/suggestions/${id}/accept`, {}, { token: await token('gongwei') });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestApp({ DEMO_DATA: 'on', WEB_DIST_PATH: WEB_DIST });
  browser = await launchChromium();
  [staff, lead, co, supervisor] = await Promise.all([
    openPerson(browser, server.baseUrl, DESKTOP),
    openPerson(browser, server.baseUrl, DESKTOP),
    openPerson(browser, server.baseUrl, DESKTOP),
    openPerson(browser, server.baseUrl, DESKTOP),
  ]);
  deputy = await openPerson(browser, server.baseUrl, PHONE);
  mainId = await submitOverHttp(`关于改善城北老旧小区停车条件的建议 ${stamp}`);
  await acceptOverHttp(mainId);
  await signIn(staff.page, 'gongwei', PASSWORD);
  await signIn(lead.page, 'jiaotong', PASSWORD);
  await signIn(co.page, 'zhujian', PASSWORD);
  await signIn(supervisor.page, 'duban', PASSWORD);
  await signIn(deputy.page, 'daibiao2', PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

afterEach(() => {
  for (const person of [staff, lead, co, supervisor, deputy]) {
    const errors = person?.pageErrors.splice(0) ?? [];
    expect(errors).toEqual([]);
  }
});

describe('handling through the pages', () => {
  it('staff: a screen gone stale is refused with the api message, then lead + co assignment works', async () => {
    const { page } = staff;
    await page.goto(`/#/staff/suggestions/${mainId}`);
    await waitForStatus(page, 'accepted');

    // Staff's live connection drops (the page cannot hear of changes) and someone else changes
    // the suggestion meanwhile: acting on the stale screen must be refused, not applied.
    await staff.context.route('**/api/events/stream**', (route) => route.abort());
    await page.reload();
    await waitForStatus(page, 'accepted');
    const supervise = await server.http.post(
      `/api/suggestions/${mainId}/supervise`,
      { supervisorId: 'duban', leaderName: '副市长 周明' },
      { token: await token('duban') },
    );
    expect(supervise.status).toBe(200);

    let modal = await openDialog(page, 'assign');
    await choose(page, modal, '承办单位', '市交通运输局');
    await submitDialog(modal);
    const refusal = modal.getByTestId('action-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/[\u4e00-\u9fff]/);
    await modal.locator('.ant-modal-close').click();

    await staff.context.unroute('**/api/events/stream**');
    await page.reload();
    await waitForStatus(page, 'accepted');
    modal = await openDialog(page, 'assign');
    await pickRadio(modal, '交办方式', '主办 + 协办');
    await choose(page, modal, '主办单位', '市交通运输局');
    await choose(page, modal, '协办单位', '市住房和城乡建设局');
    await page.keyboard.press('Escape');
    await submitDialog(modal);
    await waitForStatus(page, 'assigned');
    const handling = page.getByTestId('unit-handling');
    await expect(handling.locator('[data-unit-id=jiaotong]').textContent()).resolves.toContain('主办');
    await expect(handling.locator('[data-unit-id=zhujian]').textContent()).resolves.toContain('协办');
  });

  it('co-handler: cannot answer, sends its opinion to the lead', async () => {
    const { page } = co;
    await page.goto(`/#/unit/suggestions/${mainId}`);
    await waitForStatus(page, 'assigned');
    await expect(page.getByTestId('answer').count()).resolves.toBe(0);
    const modal = await openDialog(page, 'co-opinion');
    await fillField(modal, '协办意见', '可利用小区周边闲置地块建设立体停车设施。');
    await submitDialog(modal);
    await page
      .getByTestId('unit-handling')
      .locator('[data-unit-id=zhujian]')
      .getByText('可利用小区周边闲置地块建设立体停车设施。')
      .waitFor();
    await expect(page.getByTestId('co-opinion').count()).resolves.toBe(0);
  });

  it('lead unit asks to return it; staff deny, and a denial needs a reason', async () => {
    await lead.page.goto(`/#/unit/suggestions/${mainId}`);
    await waitForStatus(lead.page, 'assigned');
    const modal = await openDialog(lead.page, 'request-return');
    await fillField(modal, '退回理由', '停车设施规划属住建部门职责。');
    await submitDialog(modal);
    await lead.page.getByText('申请退回，待代表工委审批').waitFor();
    await expect(lead.page.getByTestId('request-return').count()).resolves.toBe(0);

    const { page } = staff;
    await page.reload();
    await page.getByTestId('decide-return').waitFor();
    const decide = await openDialog(page, 'decide-return');
    await pickRadio(decide, '审批意见', '不同意');
    await submitDialog(decide);
    await decide.getByText('不同意时请说明理由').waitFor();
    await fillField(decide, '说明', '主办单位负责统筹，住建局已作为协办单位。');
    await submitDialog(decide);
    await page.getByTestId('timeline').locator('[data-event-type=ReturnDenied]').waitFor();
    await expect(page.getByTestId('decide-return').count()).resolves.toBe(0);
  });

  it('lead unit asks for an extension; staff grant it and the new due date shows', async () => {
    await lead.page.reload();
    await lead.page.getByTestId('suggestion-detail').waitFor();
    const modal = await openDialog(lead.page, 'request-extension');
    const until = new Date(Date.now() + 120 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await modal.locator('.ant-picker input').fill(until);
    await modal.locator('.ant-picker input').press('Enter');
    await fillField(modal, '延期理由', '需要完成用地规划调整。');
    await submitDialog(modal);
    await lead.page.getByText(`申请延期至 ${until}，待审批`).waitFor();

    await staff.page.reload();
    const decide = await openDialog(staff.page, 'decide-extension');
    await submitDialog(decide);
    await staff.page.getByTestId('timeline').locator('[data-event-type=ExtensionGranted]').waitFor();
    await expect(staff.page.getByTestId('unit-handling').locator('[data-unit-id=jiaotong]').textContent()).resolves.toContain(until);
    await screenshot(staff.page, 'staff-lead-co-extension-1280');
  });

  it('supervisor: sees the key suggestion, urges it, and the urge reaches the unit', async () => {
    const { page } = supervisor;
    await page.goto('/#/supervisor/key');
    await page.getByRole('link', { name: `关于改善城北老旧小区停车条件的建议 ${stamp}` }).click();
    await waitForStatus(page, 'assigned');
    await expect(page.getByTestId('suggestion-facts').textContent()).resolves.toContain('副市长 周明');
    const urge = await openDialog(page, `urge-${mainId}`);
    await fillField(urge, '催办意见', '请本月内拿出停车设施建设方案。');
    await submitDialog(urge);
    await page.getByTestId('timeline').locator('[data-event-type=SuggestionUrged]').waitFor();
    await screenshot(page, 'supervisor-urged-1280');

    await lead.page.reload();
    await lead.page.getByText('请本月内拿出停车设施建设方案。').first().waitFor();
  });

  it('supervisor: marks another suggestion for key supervision from the audit view', async () => {
    const id = await submitOverHttp(`关于增加城北社区养老服务站的建议 ${stamp}`);
    await acceptOverHttp(id);
    const { page } = supervisor;
    await page.goto(`/#/supervisor/suggestions/${id}`);
    await waitForStatus(page, 'accepted');
    const modal = await openDialog(page, 'supervise');
    await choose(page, modal, '督办人', '刘强');
    await fillField(modal, '领办领导', '副市长 吴华');
    await submitDialog(modal);
    await page.getByTestId('timeline').locator('[data-event-type=KeySupervisionStarted]').waitFor();
    await expect(page.getByTestId('suggestion-facts').textContent()).resolves.toContain('副市长 吴华');
    await expect(page.getByTestId('supervise').count()).resolves.toBe(0);
  });

  it('deputy (phone): withdraws a suggestion with a reason', async () => {
    const id = await submitOverHttp(`关于延长图书馆开放时间的建议 ${stamp}`);
    const { page } = deputy;
    await page.goto(`/#/deputy/suggestions/${id}`);
    await waitForStatus(page, 'submitted');
    const modal = await openDialog(page, 'withdraw');
    await fillField(modal, '撤回理由', '问题已由街道解决。');
    await submitDialog(modal);
    await waitForStatus(page, 'withdrawn');
    await expect(page.getByTestId('suggestion-facts').textContent()).resolves.toContain('问题已由街道解决。');
  });

  it('staff group two similar suggestions (并案) and assign them together; the unit answers them together; staff exempt one from publication', async () => {
    const first = await submitOverHttp(`关于规范城西夜市占道经营管理的建议 ${stamp}`);
    const second = await submitOverHttp(`关于加强城西夜市占道经营整治的建议 ${stamp}`);
    const { page } = staff;
    await page.goto('/#/staff');
    const panel = page.getByTestId('similar-groups');
    await panel.waitFor();
    const group = panel.locator('.ant-collapse-item', { hasText: '件' }).filter({
      has: page.getByRole('link', { name: `关于规范城西夜市占道经营管理的建议 ${stamp}` }),
    });
    // Collapsed panels render their members lazily: open each until ours shows.
    for (const header of await panel.locator('.ant-collapse-header').all()) await header.click();
    await group.getByRole('link', { name: `关于加强城西夜市占道经营整治的建议 ${stamp}` }).waitFor();
    await group.getByRole('button', { name: label('并案办理') }).click();
    await confirmPopover(page);
    await page.locator('.ant-message-notice', { hasText: '已并案' }).waitFor();

    await acceptOverHttp(first);
    await acceptOverHttp(second);
    // The panel's first listed suggestion became the primary; which one that is depends on the
    // list order of two suggestions submitted in the same instant. Staff follow the member's link.
    const read = await server.http.get(`/api/suggestions/${first}`, { token: await token('gongwei') });
    const primary = read.body.group.primarySuggestionId as string;
    const member = primary === first ? second : first;
    await page.goto(`/#/staff/suggestions/${member}`);
    await waitForStatus(page, 'accepted');
    await expect(page.getByTestId('assign-group').count()).resolves.toBe(0);
    await page.getByTestId('group-primary').click();
    await page.waitForURL(`**/staff/suggestions/${primary}`);
    await waitForStatus(page, 'accepted');
    // Only the primary offers the group assignment: the dialog opening proves the link led there.
    const modal = await openDialog(page, 'assign-group');
    await choose(page, modal, '承办单位', '市交通运输局');
    await submitDialog(modal);
    await waitForStatus(page, 'assigned');
    await page.goto(`/#/staff/suggestions/${member}`);
    await waitForStatus(page, 'assigned');

    // The unit answers the group once, from the primary suggestion: both deputies get the answer.
    await lead.page.goto(`/#/unit/suggestions/${primary}`);
    await waitForStatus(lead.page, 'assigned');
    const answer = await openDialog(lead.page, 'answer-group');
    await expect(answer.textContent()).resolves.toContain('共 2 件');
    await choose(lead.page, answer, '答复类别', 'A 类');
    await fillField(answer, '答复内容', '已会同城管部门划定夜市经营区域并实行错时管理。');
    await fillField(answer, '签发人', '李局长');
    await screenshot(lead.page, 'unit-group-answer-1280');
    await submitDialog(answer);
    await waitForStatus(lead.page, 'answered');
    await lead.page.goto(`/#/unit/suggestions/${member}`);
    await waitForStatus(lead.page, 'answered');
    await expect(lead.page.getByTestId('unit-handling').textContent()).resolves.toContain('已会同城管部门划定夜市经营区域并实行错时管理。');
    // A member that is not the primary offers no group answer.
    await expect(lead.page.getByTestId('answer-group').count()).resolves.toBe(0);

    // Staff keep the other member out of the public answers, with the reason shown.
    await page.reload();
    await waitForStatus(page, 'answered');
    const exempt = await openDialog(page, 'exempt');
    await choose(page, exempt, '不公开原因', '涉及个人隐私');
    await submitDialog(exempt);
    await page.getByTestId('timeline').locator('[data-event-type=DisclosureExempted]').waitFor();
    await expect(page.getByTestId('suggestion-facts').textContent()).resolves.toContain('不予公开（涉及个人隐私）');
    await expect(page.getByTestId('publish').count()).resolves.toBe(0);
  });

  it('staff: rejects a suggestion, giving the reason the deputy then reads', async () => {
    const title = `关于调整我家门前路灯位置的建议 ${stamp}`;
    const id = await submitOverHttp(title);
    const { page } = staff;
    await page.goto(`/#/staff/suggestions/${id}`);
    await waitForStatus(page, 'submitted');
    const modal = await openDialog(page, 'reject');
    await fillField(modal, '理由', '属于个人诉求，已转为来信办理。');
    await submitDialog(modal);
    await waitForStatus(page, 'rejected');

    await deputy.page.goto(`/#/deputy/suggestions/${id}`);
    await waitForStatus(deputy.page, 'rejected');
    await expect(deputy.page.getByTestId('suggestion-facts').textContent()).resolves.toContain('属于个人诉求，已转为来信办理。');
  });
});
