import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium, openPerson, PHONE, screenshot, type Person } from './support/browser';
import { signIn } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/**
 * A deputy's inbox in the real app (demo organisation): staff register and assign the deputy's new
 * suggestion through the api, the deputy reads on a phone what happened and to whom it went,
 * opening a message marks it read, 全部已读 empties the header's count.
 */
jest.setTimeout(240_000);

const PASSWORD = 'demo1234';
const TITLE = `关于在老城区增设无障碍坡道的建议 ${Date.now().toString(36)}`;

let server: TestApp;
let browser: Browser;
let deputy: Person;
let suggestionId = '';

async function login(username: string): Promise<{ token: string; id: string }> {
  const response = await server.http.post('/api/auth/login', { username, password: PASSWORD });
  expect(response.status).toBe(200);
  return { token: response.body.accessToken, id: response.body.user.id };
}

async function headerCount(): Promise<number> {
  const badge = deputy.page.locator('[data-testid=inbox-count]:not([data-count=""])');
  await badge.waitFor();
  return Number(await badge.getAttribute('data-count'));
}

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestApp({ DEMO_DATA: 'on', WEB_DIST_PATH: WEB_DIST });
  browser = await launchChromium();
  deputy = await openPerson(browser, server.baseUrl, PHONE);

  const lead = await login('daibiao1');
  const coSigner = await login('daibiao2');
  const staff = await login('gongwei');
  const submitted = await server.http.post('/api/suggestions', { title: TITLE, content: '老城区多处人行道缺少无障碍坡道。', coSignerIds: [coSigner.id] }, { token: lead.token });
  expect(submitted.status).toBe(201);
  suggestionId = submitted.body.id;
  for (const [command, body] of [
    ['accept', {}],
    ['assign', { mode: 'sole', unitIds: ['jiaotong'] }],
  ] as const) {
    const response = await server.http.post(`/api/suggestions/${suggestionId}/${command}`, body, { token: staff.token });
    expect(response.status).toBe(200);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

afterEach(() => {
  expect(deputy?.pageErrors.splice(0) ?? []).toEqual([]);
});

describe('a deputy’s inbox', () => {
  it('says the suggestion was registered and to which unit it went, by when, newest first', async () => {
    const { page } = deputy;
    await signIn(page, 'daibiao1', PASSWORD);
    await page.goto('/#/inbox');
    const mine = page.locator('[data-testid=inbox-item]', { hasText: TITLE });
    await mine.first().waitFor();
    const texts = await mine.allTextContents();
    expect(texts).toHaveLength(2);
    // Newest first: the assignment, then the registration.
    expect(texts[0]).toMatch(new RegExp(`建议第\\d{4}号「${TITLE}」已交由市交通运输局单独办理，答复期限为\\d{4}年\\d{1,2}月\\d{1,2}日`));
    expect(texts[1]).toMatch(new RegExp(`建议第\\d{4}号「${TITLE}」已立案`));
    expect(await mine.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-read')))).toEqual(['false', 'false']);
    await screenshot(page, 'inbox-deputy-390');
  });

  it('marks a message read when it is opened, and the header counts one fewer', async () => {
    const { page } = deputy;
    const before = await headerCount();
    expect(before).toBeGreaterThanOrEqual(2);
    expect(Number(await page.getByTestId('inbox-unread').getAttribute('data-count'))).toBe(before);

    await page.locator('[data-testid=inbox-item]', { hasText: '已交由市交通运输局' }).filter({ hasText: TITLE }).getByRole('link').click();
    await page.waitForURL(new RegExp(`/deputy/suggestions/${suggestionId}$`));
    await page.getByTestId('suggestion-detail').waitFor();
    await page.locator(`[data-testid=inbox-count][data-count="${before - 1}"]`).waitFor();

    await page.goto('/#/inbox');
    const opened = page.locator('[data-testid=inbox-item]', { hasText: '已交由市交通运输局' }).filter({ hasText: TITLE });
    await opened.waitFor();
    await expect(opened.getAttribute('data-read')).resolves.toBe('true');
    await expect(page.locator('[data-testid=inbox-item]', { hasText: '已立案' }).filter({ hasText: TITLE }).getAttribute('data-read')).resolves.toBe('false');
  });

  it('全部已读 marks everything read and empties the count', async () => {
    const { page } = deputy;
    await page.getByTestId('inbox-read-all').click();
    await page.locator('[data-testid=inbox-count][data-count="0"]').waitFor();
    await page.locator('[data-testid=inbox-unread][data-count="0"]').waitFor();
    await expect(page.locator('[data-testid=inbox-item][data-read=false]').count()).resolves.toBe(0);
    await expect(page.getByTestId('inbox-read-all').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'inbox-deputy-all-read-390');
    // The server agrees: nothing unread is left.
    const { token } = await login('daibiao1');
    const inbox = await server.http.get('/api/inbox', { token });
    expect(inbox.body.unread).toBe(0);
  });
});
