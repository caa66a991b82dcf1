import type { Browser } from 'playwright-core';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../support/test-app';
import { DESKTOP, launchChromium, openPerson, screenshot, type Person } from './support/browser';
import { fillField, signIn } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/** In production the first admin password came from the environment: the web app asks for a new one first. */
jest.setTimeout(180_000);

let server: TestApp;
let browser: Browser;
let admin: Person;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestApp({
    NODE_ENV: 'production',
    CLOCK: 'system',
    DEMO_DATA: '',
    JWT_SECRET: 'a-real-production-secret-of-at-least-32-characters',
    WEB_DIST_PATH: WEB_DIST,
  });
  browser = await launchChromium();
  admin = await openPerson(browser, server.baseUrl, DESKTOP);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

it('the bootstrap admin lands on 修改密码 whatever they open, and uses the system once it is changed', async () => {
  const { page } = admin;
  await signIn(page, 'admin', TEST_ADMIN_PASSWORD);
  await page.getByTestId('password-change-required').waitFor();
  await page.goto('/#/admin/users');
  await page.waitForURL(/#\/account\/password$/);
  await screenshot(page, 'forced-password-change-1280');

  const form = page.locator('form[id=change-password]');
  await fillField(form, '当前密码', TEST_ADMIN_PASSWORD);
  await fillField(form, '新密码', 'only-the-admin-knows');
  await fillField(form, '确认新密码', 'only-the-admin-knows');
  await form.locator('button[type=submit]').click();
  await page.waitForURL(/#\/staff$/);
  await page.goto('/#/admin/users');
  await page.locator('[data-testid=users-table] td', { hasText: /^admin$/ }).waitFor();
  expect((await server.http.post('/api/auth/login', { username: 'admin', password: 'only-the-admin-knows' })).body.user).not.toHaveProperty('mustChangePassword');
  expect(admin.pageErrors).toEqual([]);
});
