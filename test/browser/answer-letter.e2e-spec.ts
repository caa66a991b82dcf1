import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { DESKTOP, launchChromium, openPerson, PHONE, screenshot, type Person } from './support/browser';
import { choose, fillField, openDialog, signIn, submitDialog, waitForStatus } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/**
 * 答复函 end to end in the browser: the unit drops its signed letter into the answer dialog and
 * answers; the deputy, on a phone, sees the letter on the answer, downloads the very same bytes and
 * opens the A4 print view.
 */
jest.setTimeout(240_000);

const PASSWORD = 'demo1234';
const LETTER = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 市交通运输局答复函（盖章）\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const LETTER_NAME = '关于公交站台的答复函（盖章）.pdf';

let server: TestApp;
let browser: Browser;
let unit: Person;
let deputy: Person;

async function as(username: string, path: string, body: object): Promise<{ status: number; body: { id?: string } }> {
  const login = await server.http.post('/api/auth/login', { username, password: PASSWORD });
  return server.http.post(path, body, { token: login.body.accessToken as string });
}

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestApp({ DEMO_DATA: 'on', WEB_DIST_PATH: WEB_DIST });
  browser = await launchChromium();
  [unit, deputy] = await Promise.all([openPerson(browser, server.baseUrl, DESKTOP), openPerson(browser, server.baseUrl, PHONE)]);
  await signIn(unit.page, 'jiaotong', PASSWORD);
  await signIn(deputy.page, 'daibiao1', PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

afterEach(() => {
  for (const person of [unit, deputy]) expect(person?.pageErrors.splice(0) ?? []).toEqual([]);
});

it('the unit uploads its signed letter and answers; the deputy on a phone downloads the same bytes and opens the print view', async () => {
  const submitted = await as('daibiao1', '/api/suggestions', { title: `关于增设公交候车亭的建议 ${Date.now().toString(36)}`, content: '建议在学校门口增设公交候车亭。' });
  expect(submitted.status).toBe(201);
  const id = submitted.body.id!;
  expect((await as('gongwei', `/api/suggestions/${id}/accept`, {})).status).toBe(200);
  expect((await as('gongwei', `/api/suggestions/${id}/assign`, { mode: 'sole', unitIds: ['jiaotong'] })).status).toBe(200);

  // The unit: drop the letter into the answer dialog (the dragger's file input), watch it upload, answer.
  const { page } = unit;
  await page.goto(`/#/unit/suggestions/${id}`);
  const modal = await openDialog(page, 'answer');
  await modal.locator('[data-testid=answer-letter-upload] input[type=file], input[type=file]').first().setInputFiles({ name: LETTER_NAME, mimeType: 'application/pdf', buffer: LETTER });
  await modal.locator('.ant-upload-list-item-done', { hasText: LETTER_NAME }).waitFor();
  await choose(page, modal, '答复类别', 'A 类');
  await fillField(modal, '答复内容', '经研究，已在学校门口增设公交候车亭，并于本月投入使用。');
  await fillField(modal, '签发人', '局长 李明');
  await screenshot(page, 'answer-letter-dialog');
  await submitDialog(modal);
  await waitForStatus(page, 'answered');
  await page.locator('.answer-block [data-testid=attachment]', { hasText: LETTER_NAME }).waitFor();

  // The deputy on a phone: the letter is on the answer; download gives the same bytes.
  const phone = deputy.page;
  await phone.goto(`/#/deputy/suggestions/${id}`);
  const letterRow = phone.locator('.answer-block [data-testid=attachment]', { hasText: LETTER_NAME });
  await letterRow.waitFor();
  const [download] = await Promise.all([phone.waitForEvent('download'), letterRow.getByTestId('attachment-download').click()]);
  expect(download.suggestedFilename()).toBe(LETTER_NAME);
  expect(readFileSync(await download.path()).equals(LETTER)).toBe(true);
  await screenshot(phone, 'answer-letter-deputy-phone');

  // The print view: the letter laid out on A4, signer and date, the signed file listed with its hash.
  await phone.getByTestId('print-letter').first().click();
  const sheet = phone.getByTestId('letter-sheet');
  await sheet.waitFor();
  const text = await sheet.textContent();
  expect(text).toContain('市交通运输局');
  expect(text).toContain('签发人：局长 李明');
  expect(text).toContain('已在学校门口增设公交候车亭');
  expect(text).toContain(LETTER_NAME);
  await screenshot(phone, 'answer-letter-print-view-phone');
  // As the printer sees it: only the sheet (no header, no buttons).
  await phone.emulateMedia({ media: 'print' });
  expect(await phone.locator('.app-header').isVisible()).toBe(false);
  expect(await phone.getByTestId('print').isVisible()).toBe(false);
  await screenshot(phone, 'answer-letter-print-media');
  await phone.emulateMedia({ media: 'screen' });
});
