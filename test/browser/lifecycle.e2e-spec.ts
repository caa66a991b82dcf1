import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_CONGRESS_SUGGESTIONS } from '../../apps/api/src/demo/demo-seeder';
import { DEMO_SUGGESTIONS } from '../../apps/api/src/demo/demo-suggestions';
import { startTestApp, type TestApp } from '../support/test-app';
import { DESKTOP, launchChromium, openPerson, PHONE, screenshot, type Person } from './support/browser';
import {
  choose,
  confirmPopover,
  fillField,
  label,
  openDialog,
  pickRadio,
  signIn,
  submitDialog,
  waitForStatus,
} from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/**
 * One suggestion's whole life, done by four people through the pages of the real app served by
 * the real api (demo organisation, embedded store in a temp folder): a deputy submits on a phone,
 * staff accept and assign, the unit answers with a commitment, the deputy rates dissatisfied, the
 * unit answers again, the deputy rates satisfied, the supervisor sees the figures.
 * The steps share one suggestion and run in order; a failed step fails the ones after it.
 */
jest.setTimeout(240_000);

const PASSWORD = 'demo1234';
const TITLE = `关于在城西新区增设公共自行车站点的建议 ${Date.now().toString(36)}`;

let server: TestApp;
let browser: Browser;
let deputy: Person;
let staff: Person;
let unit: Person;
let supervisor: Person;
let suggestionId = '';
let figuresBefore: { answered: number; rated: number } | null = null;

async function readFigures(page: Page): Promise<{ answered: number; rated: number }> {
  await page.goto('/#/supervisor');
  const answered = page.getByTestId('total-answered');
  await answered.waitFor();
  const satisfaction = page.getByTestId('total-satisfaction');
  return {
    answered: Number(await answered.getAttribute('data-value')),
    rated: Number(await satisfaction.getAttribute('data-denominator')),
  };
}

async function expectFitsTheScreen(page: Page): Promise<void> {
  // Runs in the page: the root tsconfig has no DOM types, hence the string.
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * The deputy's page records the receipt of the answers (送达, AnswerDelivered, once per round) as
 * soon as it shows them, and then reloads the suggestion. A person reads before rating; a rating
 * dialog opened while that reload is under way raced it on a loaded machine. Wait for the receipt.
 */
async function waitForReceipt(page: Page, round: number): Promise<void> {
  await page.getByTestId('timeline').locator('[data-event-type=AnswerDelivered]').nth(round - 1).waitFor();
}

async function openSuggestion(page: Page, role: 'deputy' | 'unit' | 'staff' | 'supervisor'): Promise<void> {
  const path = `/#/${role}/suggestions/${suggestionId}`;
  // Going to the URL already shown changes nothing in a hash-routed app: reload instead.
  if (page.url().endsWith(path)) await page.reload();
  else await page.goto(path);
  await page.getByTestId('suggestion-detail').waitFor();
}

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestApp({ DEMO_DATA: 'on', WEB_DIST_PATH: WEB_DIST });
  browser = await launchChromium();
  deputy = await openPerson(browser, server.baseUrl, PHONE);
  staff = await openPerson(browser, server.baseUrl, DESKTOP);
  unit = await openPerson(browser, server.baseUrl, DESKTOP);
  supervisor = await openPerson(browser, server.baseUrl, DESKTOP);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

afterEach(() => {
  // A thrown render error is what becomes a blank screen for a user.
  for (const person of [deputy, staff, unit, supervisor]) {
    const errors = person?.pageErrors.splice(0) ?? [];
    expect(errors).toEqual([]);
  }
});

describe('the web app, one suggestion from submission to a satisfied rating', () => {
  it('shows the public answers page without login, and the login page', async () => {
    const { page } = supervisor;
    await page.goto('/#/public');
    await page.getByRole('heading', { name: '公开答复' }).waitFor();
    await page.locator('[data-testid=public-list], .ant-empty').first().waitFor();
    await screenshot(page, 'public-answers-1280');

    await page.goto('/#/login');
    await page.getByPlaceholder('用户名').fill('duban');
    await page.getByPlaceholder('密码').fill('wrong-password');
    await page.getByRole('button', { name: label('登录') }).click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误');
    await screenshot(page, 'login-1280');
  });

  it('supervisor: reads the overview before', async () => {
    const { page } = supervisor;
    await signIn(page, 'duban', PASSWORD);
    await expect(page.getByTestId('role-tag').textContent()).resolves.toBe('督办人');
    figuresBefore = await readFigures(page);
  });

  it('deputy (phone): submits a suggestion with a co-signer', async () => {
    const { page } = deputy;
    await signIn(page, 'daibiao1', PASSWORD);
    await expect(page.getByTestId('role-tag').textContent()).resolves.toBe('人大代表');
    await page.getByTestId('suggestion-list').waitFor();
    await screenshot(page, 'deputy-my-suggestions-390');

    await page.getByTestId('new-suggestion').click();
    await page.getByPlaceholder('例如：关于优化公交线路的建议').fill(TITLE);
    await page.getByPlaceholder('问题、原因与具体建议').fill('城西新区居民区与地铁站之间缺少公共自行车站点，建议在三个地铁出口增设站点并延长运营时间。');
    const form = page.locator('form');
    await choose(page, form, '附议代表', '李娜');
    await page.keyboard.press('Escape');
    await screenshot(page, 'deputy-submit-390');
    await page.getByRole('button', { name: label('提交建议') }).click();

    await waitForStatus(page, 'submitted');
    suggestionId = /suggestions\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
    expect(suggestionId).not.toBe('');
    const facts = page.getByTestId('suggestion-facts');
    await expect(facts.textContent()).resolves.toContain('李娜');
    await expect(page.getByTestId('detail-title').textContent()).resolves.toBe(TITLE);
    await page.getByTestId('timeline').getByText('提出建议').waitFor();
  });

  it('staff: accepts the new suggestion and assigns it to one unit', async () => {
    const { page } = staff;
    await signIn(page, 'gongwei', PASSWORD);
    await expect(page.getByTestId('role-tag').textContent()).resolves.toBe('代表工委');
    await page.getByRole('link', { name: TITLE }).waitFor();
    await screenshot(page, 'staff-register-1280');

    await page.getByRole('link', { name: TITLE }).click();
    await waitForStatus(page, 'submitted');
    await page.getByTestId('accept').click();
    await confirmPopover(page);
    await waitForStatus(page, 'accepted');

    const modal = await openDialog(page, 'assign');
    await choose(page, modal, '承办单位', '市交通运输局');
    await submitDialog(modal);
    await waitForStatus(page, 'assigned');
    await expect(page.getByTestId('unit-handling').textContent()).resolves.toContain('市交通运输局');
    await screenshot(page, 'staff-suggestion-1280');
  });

  it('deputy: sees the suggestion assigned, with the unit and its due date', async () => {
    const { page } = deputy;
    await page.goto('/#/deputy');
    const card = page.locator(`[data-suggestion-id="${suggestionId}"]`);
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('市交通运输局');
    await expect(card.locator('[data-status=assigned]').count()).resolves.toBe(1);
    // The level comes from the server (its working calendar): a badge it did not judge says "unknown".
    await expect(card.locator('[data-due-level]:not([data-due-level=unknown])').count()).resolves.toBe(1);
    await card.click();
    await waitForStatus(page, 'assigned');
  });

  it('unit: sees it in 待办, cannot pick an extension past the maximum, answers with a commitment', async () => {
    const { page } = unit;
    await signIn(page, 'jiaotong', PASSWORD);
    await expect(page.getByTestId('unit-name').textContent()).resolves.toBe('市交通运输局');
    // The header counts what waits for the unit (unread messages, or its open suggestions).
    await page.locator('[data-testid=inbox-count]:not([data-count=""]):not([data-count="0"])').waitFor();
    const row = page.getByRole('link', { name: TITLE });
    await row.waitFor();
    await expect(page.locator('tr', { has: row }).locator('[data-due-level]:not([data-due-level=unknown])').count()).resolves.toBe(1);
    await screenshot(page, 'unit-todo-1280');

    await row.click();
    await waitForStatus(page, 'assigned');

    // Two years is beyond the rulebook's maximum: the picker does not take the day (it offers only
    // what the server allows, up to the latest day it shows), so the form asks for a date and sends nothing.
    const extension = await openDialog(page, 'request-extension');
    await expect(extension.getByTestId('extension-limit').textContent()).resolves.toContain('最晚可选');
    const farAway = new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await extension.locator('.ant-picker input').fill(farAway);
    await extension.locator('.ant-picker input').press('Enter');
    await fillField(extension, '延期理由', '需要协调多个部门');
    await submitDialog(extension);
    await extension.getByText('请选择延期日期').waitFor();
    await screenshot(page, 'unit-refused-extension-1280');
    await extension.locator('.ant-modal-footer').getByRole('button', { name: label('取消') }).click();
    await waitForStatus(page, 'assigned');

    const contact = await openDialog(page, 'contact');
    await fillField(contact, '沟通情况', '电话联系张伟代表，介绍站点选址方案。');
    await submitDialog(contact);
    await page.getByTestId('timeline').getByText('联系代表').waitFor();

    const answer = await openDialog(page, 'answer');
    await choose(page, answer, '答复类别', 'B 类');
    await fillField(answer, '答复内容', '已将城西新区三个站点列入明年公共自行车建设计划。');
    await fillField(answer, '签发人', '王局长');
    // B answers need a commitment: submitting without one is stopped before it reaches the api.
    await submitDialog(answer);
    await answer.getByText('B、C 类答复须列明承诺事项及完成时限').waitFor();
    await page.getByTestId('add-commitment').click();
    await answer.locator('.commitment-row input').first().fill('建成城西新区三个公共自行车站点');
    const due = new Date(Date.now() + 90 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await answer.locator('.commitment-row .ant-picker input').fill(due);
    await answer.locator('.commitment-row .ant-picker input').press('Enter');
    await submitDialog(answer);
    await waitForStatus(page, 'answered');
    await page.getByTestId('commitments').getByText('建成城西新区三个公共自行车站点').waitFor();
  });

  it('deputy: rates dissatisfied, which needs a reason, and the suggestion goes back for re-handling', async () => {
    const { page } = deputy;
    // The deputy's open page follows the unit's answer by itself (live updates).
    await waitForStatus(page, 'answered');
    await screenshot(page, 'deputy-detail-answered-390');
    await waitForReceipt(page, 1);

    const rate = await openDialog(page, 'rate-jiaotong');
    await pickRadio(rate, '办理态度', '满意');
    await pickRadio(rate, '办理结果', '不满意');
    await submitDialog(rate);
    await rate.getByText('选择“不满意”时必须填写理由').waitFor();
    await fillField(rate, '理由', '站点建设时间太晚，希望今年内先建一个。');
    await submitDialog(rate);
    await waitForStatus(page, 'rehandling');
    await expect(page.getByTestId('rating').first().textContent()).resolves.toContain('不满意');
  });

  it('unit: answers again, and reports the commitment fulfilled', async () => {
    const { page } = unit;
    await openSuggestion(page, 'unit');
    await waitForStatus(page, 'rehandling');
    const answer = await openDialog(page, 'answer');
    await expect(answer.textContent()).resolves.toContain('第 2 次答复');
    await choose(page, answer, '答复类别', 'A 类');
    await fillField(answer, '答复内容', '已协调在地铁一号出口先行建成一个站点，本月投入使用。');
    await fillField(answer, '签发人', '王局长');
    await submitDialog(answer);
    await waitForStatus(page, 'answered');

    const fulfil = await openDialog(page, 'fulfil-C1');
    await fillField(fulfil, '落实情况', '三个站点均已建成投入使用。');
    await submitDialog(fulfil);
    await page.getByTestId('commitments').getByText('已落实').waitFor();
  });

  it('deputy: rates the second answer satisfied', async () => {
    const { page } = deputy;
    await openSuggestion(page, 'deputy');
    await waitForStatus(page, 'answered');
    await waitForReceipt(page, 2);
    const rate = await openDialog(page, 'rate-jiaotong');
    await pickRadio(rate, '办理态度', '满意');
    await pickRadio(rate, '办理结果', '满意');
    await submitDialog(rate);
    await waitForStatus(page, 'rated');
    await screenshot(page, 'deputy-detail-rated-390');
    await page.goto('/#/deputy');
    await page.locator(`[data-suggestion-id="${suggestionId}"] [data-status=rated]`).waitFor();
    await screenshot(page, 'deputy-my-suggestions-after-390');
  });

  it('deputy (phone): the 履职档案 shows the suggestion, the ratings and the kept commitment', async () => {
    const { page } = deputy;
    // Reached from 我的建议, where the deputy already is.
    await page.getByTestId('open-archive').click();
    const archive = page.getByTestId('deputy-archive');
    await archive.waitFor();
    // Both ratings on this suggestion (dissatisfied, then satisfied) count, beside the demo ones.
    const satisfaction = archive.getByTestId('archive-satisfaction');
    await satisfaction.waitFor();
    expect(Number(await satisfaction.getAttribute('data-denominator'))).toBeGreaterThanOrEqual(2);
    expect(Number(await archive.getByTestId('archive-dissatisfied').getAttribute('data-value'))).toBeGreaterThanOrEqual(1);
    // The unit's promise on this year's suggestion, and that it was kept.
    const commitment = archive
      .getByTestId('deputy-commitments')
      .locator('[data-commitment-id=C1]', { has: page.getByRole('link', { name: TITLE }) });
    await expect(commitment.getAttribute('data-commitment-status')).resolves.toBe('fulfilled');
    await expect(commitment.textContent()).resolves.toContain('三个站点均已建成投入使用。');
    await archive.locator(`[data-suggestion-id="${suggestionId}"] [data-status=rated]`).waitFor();
    await screenshot(page, 'deputy-archive-390');
    await expectFitsTheScreen(page);
  });

  it('supervisor: audits the whole timeline and sees the figures change', async () => {
    const { page } = supervisor;
    await openSuggestion(page, 'supervisor');
    const timeline = page.getByTestId('timeline');
    // The timeline loads beside the detail: wait for its last entry before counting.
    await timeline.locator('[data-event-type=SuggestionRated]').nth(1).waitFor();
    await expect(timeline.locator('[data-event-type=SuggestionAnswered]').count()).resolves.toBe(2);
    await expect(timeline.locator('[data-event-type=SuggestionRated]').count()).resolves.toBe(2);
    await expect(timeline.locator('[data-event-type=RehandlingStarted]').count()).resolves.toBe(1);
    // The api verified the stored hash chain of all these events.
    await page.locator('[data-testid=audit-chain][data-verdict=intact]').waitFor();
    await screenshot(page, 'supervisor-audit-1280');

    if (!figuresBefore) throw new Error('the overview figures were not read before the lifecycle');
    const after = await readFigures(page);
    expect(after.answered).toBeGreaterThan(figuresBefore.answered);
    expect(after.rated).toBeGreaterThan(figuresBefore.rated);
    await page.getByTestId('unit-stats').waitFor();
    // The demo's overdue suggestion puts 市交通运输局 on the overdue chart and in red in the table.
    await page.getByTestId('chart-overdue').waitFor();
    const transport = page.getByTestId('unit-stats').locator('tr', { hasText: '市交通运输局' });
    await expect(transport.locator('.danger').textContent()).resolves.toBe('1');
    await screenshot(page, 'supervisor-overview-1280');

    // The per-unit table goes to Excel: a real .xlsx (a zip) arrives under a Chinese file name.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-excel').click()]);
    expect(file.suggestedFilename()).toBe('承办单位办理情况统计.xlsx');
    const saved = await file.path();
    expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('staff publish the answers, and the public reads them without signing in', async () => {
    const { page } = staff;
    await openSuggestion(page, 'staff');
    await page.getByTestId('publish').click();
    await confirmPopover(page);
    await page.getByTestId('timeline').locator('[data-event-type=AnswerPublished]').waitFor();
    await expect(page.getByTestId('suggestion-facts').textContent()).resolves.toContain('已公开');

    const reader = await openPerson(browser, server.baseUrl, PHONE);
    await reader.page.goto('/#/public');
    await reader.page.getByRole('link', { name: TITLE }).click();
    await reader.page.getByTestId('public-answer').nth(1).waitFor();
    const text = await reader.page.locator('.ant-card').textContent();
    expect(text).toContain('已协调在地铁一号出口先行建成一个站点');
    // Ratings and commitments stay out of the public view.
    expect(text).not.toContain('不满意');
    expect(text).not.toContain('建成城西新区三个公共自行车站点');
    await screenshot(reader.page, 'public-answer-390');
    await expectFitsTheScreen(reader.page);
    await reader.context.close();
    expect(reader.pageErrors).toEqual([]);
  });

  it('each main page at desktop width, and the deputy pages on a phone', async () => {
    await staff.page.goto('/#/staff');
    await staff.page.getByTestId('staff-views').waitFor();
    await screenshot(staff.page, 'staff-main-1280');

    await unit.page.goto('/#/unit');
    await unit.page.getByTestId('suggestion-list').waitFor();
    // The demo gives 市交通运输局 one overdue (red) and one nearly due (amber) suggestion to work on.
    const todo = unit.page.getByTestId('suggestion-list');
    await todo.locator('[data-due-level=overdue]').first().waitFor();
    await expect(todo.locator('[data-due-level=overdue]').count()).resolves.toBe(1);
    await expect(todo.locator('[data-due-level=due_soon]').count()).resolves.toBe(1);
    await screenshot(unit.page, 'unit-main-1280');

    for (const path of ['/#/supervisor/overdue', '/#/supervisor/key']) {
      await supervisor.page.goto(path);
      await supervisor.page.locator('.ant-table').first().waitFor();
      await screenshot(supervisor.page, `supervisor-${path.split('/').pop()}-1280`);
    }

    const desk = await openPerson(browser, server.baseUrl, DESKTOP);
    await signIn(desk.page, 'daibiao1', PASSWORD);
    await desk.page.getByTestId('suggestion-list').waitFor();
    await screenshot(desk.page, 'deputy-main-1280');
    await desk.context.close();
    expect(desk.pageErrors).toEqual([]);

    // Nothing on the deputy's phone pages may be wider than the phone.
    for (const path of ['/#/deputy', '/#/deputy/new', '/#/deputy/archive', `/#/deputy/suggestions/${suggestionId}`]) {
      await deputy.page.goto(path);
      await deputy.page.locator('[data-testid=suggestion-list], form, [data-testid=suggestion-detail]').first().waitFor();
      await expectFitsTheScreen(deputy.page);
    }

    // A link to a suggestion that does not exist (or no longer may be seen) says so, in Chinese.
    await deputy.page.goto('/#/deputy/suggestions/00000000-0000-4000-8000-000000000000');
    const failure = deputy.page.getByTestId('load-error');
    await failure.waitFor();
    await expect(failure.textContent()).resolves.toContain('建议不存在');
    await expect(deputy.page.getByTestId('user-box').count()).resolves.toBe(1);
  });

  it("staff and supervisors open any deputy's 履职档案, from a signer's name and from 代表名录; a unit cannot", async () => {
    // Supervisor: from the co-signer's name on the suggestion to her archive and back to the suggestion.
    const { page } = supervisor;
    await openSuggestion(page, 'supervisor');
    await page.getByTestId('suggestion-facts').locator('[data-testid=deputy-archive-link][data-deputy-id=daibiao2]').click();
    const archive = page.getByTestId('deputy-archive');
    await archive.waitFor();
    await expect(archive.getByTestId('archive-deputy').textContent()).resolves.toContain('李娜');
    const cosigned = archive.locator(`a[data-suggestion-id="${suggestionId}"]`);
    await cosigned.waitFor();
    await screenshot(page, 'supervisor-deputy-archive-1280');
    await cosigned.click();
    await page.getByTestId('suggestion-detail').waitFor();
    expect(page.url()).toContain(`/#/supervisor/suggestions/${suggestionId}`);

    // Staff: the 代表名录 menu lists every deputy; 张伟's archive counts each suggestion he led or co-signed.
    await staff.page.goto('/#/staff');
    await staff.page.getByRole('menuitem', { name: '代表履职' }).click();
    const list = staff.page.getByTestId('deputy-list');
    await list.locator('a[data-deputy-id=daibiao3]').waitFor();
    await expect(list.locator('a[data-deputy-id]').count()).resolves.toBe(3);
    await screenshot(staff.page, 'staff-deputy-list-1280');
    await list.locator('a[data-deputy-id=daibiao1]').click();
    const staffArchive = staff.page.getByTestId('deputy-archive');
    await expect(staffArchive.getByTestId('archive-deputy').textContent()).resolves.toContain('张伟');
    const signedByZhang =
      DEMO_SUGGESTIONS.filter((d) => d.submit.by === 'daibiao1' || d.submit.coSignerIds.includes('daibiao1')).length +
      // The congress session's: his own, and his delegation's (he heads 东城区代表团).
      DEMO_CONGRESS_SUGGESTIONS.filter((d) => d.by === 'daibiao1' || d.coSignerIds.includes('daibiao1') || d.byDelegation === true).length;
    await staffArchive.locator(`a[data-suggestion-id="${suggestionId}"]`).waitFor();
    expect(Number(await staffArchive.getByTestId('archive-submitted').getAttribute('data-value'))).toBe(signedByZhang + 1);

    // A unit reads the names but has no way into a deputy's archive.
    await openSuggestion(unit.page, 'unit');
    await expect(unit.page.getByTestId('suggestion-facts').textContent()).resolves.toContain('李娜');
    await expect(unit.page.getByTestId('deputy-archive-link').count()).resolves.toBe(0);
    await unit.page.goto('/#/deputies/daibiao1/archive');
    await unit.page.getByText('无权访问').waitFor();
  });
});
