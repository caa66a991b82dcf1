import type { Browser } from 'playwright-core';
import { countTransfers, SLOW_PHONE_LINK } from '../../bench/harness/transfer-counter';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium, openPerson, PHONE, type Person } from './support/browser';
import { signIn } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/**
 * What a deputy's phone downloads: the login page must stay light (at most 350 KB over the wire,
 * compressed as the server sends it), and the pages a deputy uses must not pull in the
 * supervisors' charts. Bytes are counted by Chromium itself (the DevTools protocol's encoded
 * length of every response), on a fresh profile, so nothing comes from a cache.
 */
jest.setTimeout(180_000);

const LOGIN_PAGE_LIMIT_BYTES = 350 * 1024;

let server: TestApp;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestApp({ DEMO_DATA: 'on', WEB_DIST_PATH: WEB_DIST });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function freshPhone(): Promise<Person> {
  return openPerson(browser, server.baseUrl, PHONE);
}

it('the login page transfers at most 350 KB, its bundles compressed and cached for a year', async () => {
  const phone = await freshPhone();
  try {
    const { transfer } = await countTransfers(phone.page);
    await phone.page.goto('/#/login');
    await phone.page.getByPlaceholder('用户名').waitFor();
    await phone.page.waitForLoadState('networkidle');
    console.log(`login page: ${(transfer.bytes / 1024).toFixed(1)} KB transferred in ${transfer.urls.length} responses`);
    expect(transfer.bytes).toBeLessThanOrEqual(LOGIN_PAGE_LIMIT_BYTES);
    expect(transfer.urls.some((url) => /echarts/.test(url))).toBe(false);

    const script = transfer.urls.find((url) => /\/assets\/index-[^/]+\.js$/.test(url));
    expect(script).toBeDefined();
    const res = await fetch(script!, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(phone.pageErrors).toEqual([]);
  } finally {
    await phone.context.close();
  }
});

it("a deputy's first page on a slow phone link loads without the supervisors' charts", async () => {
  const phone = await freshPhone();
  try {
    const { session, transfer } = await countTransfers(phone.page);
    await session.send('Network.emulateNetworkConditions', SLOW_PHONE_LINK);
    const started = Date.now();
    await phone.page.goto('/#/login');
    await phone.page.getByPlaceholder('用户名').waitFor();
    const loginShown = Date.now() - started;
    const loginBytes = transfer.bytes;
    await signIn(phone.page, 'daibiao1', 'demo1234');
    await phone.page.getByTestId('suggestion-list').waitFor();
    await phone.page.waitForLoadState('networkidle');
    const total = Date.now() - started;
    console.log(
      `deputy at 1.6 Mbps / 150 ms: login form after ${(loginShown / 1000).toFixed(1)} s (${(loginBytes / 1024).toFixed(1)} KB); ` +
        `signed in with the list shown after ${(total / 1000).toFixed(1)} s, ${(transfer.bytes / 1024).toFixed(1)} KB in all`,
    );
    expect(transfer.urls.some((url) => /echarts/.test(url))).toBe(false);
    expect(phone.pageErrors).toEqual([]);
  } finally {
    await phone.context.close();
  }
});
