import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeRow } from '../harness/bench-row';
import { ChildServer, freePort } from '../harness/child-server';
import { nowMs } from '../harness/measure';
import { countTransfers, SLOW_PHONE_LINK } from '../harness/transfer-counter';
import { repoRoot } from '../harness/repo-root';
import { Scenario } from './scenario';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_DIST = path.join(repoRoot(), 'apps', 'web', 'dist');
/** The first page must stay light on a phone: the web issue's limit, over the wire. */
const LOGIN_PAGE_LIMIT_KB = 350;

/**
 * What a deputy's phone downloads, counted by Chromium itself (the DevTools protocol's encoded
 * length of each response, on a fresh profile: nothing from a cache), from the api serving the
 * built web app with the demo data, as `npm start` runs it. The same measurement as the browser
 * test test/browser/page-weight.e2e-spec.ts, recorded here beside the server's figures.
 */
export const s11WebWeight: Scenario = {
  id: 'S11',
  title: "the web app's weight on a deputy's phone",
  async run(ctx) {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error(`${WEB_DIST} has no built web app (npm run build:web)`);
    if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
    const { server } = await ChildServer.start({
      name: 'api with the web app',
      script: ctx.apiMain,
      env: {
        NODE_ENV: 'development',
        EVENT_STORE: 'sqlite',
        EVENT_STORE_PATH: ctx.scratch.freshDb('s11-events.sqlite'),
        READ_MODEL_PATH: ctx.scratch.freshDb('s11-read-model.sqlite'),
        JWT_SECRET: randomBytes(32).toString('hex'),
        AUDIT_KEY: randomBytes(32).toString('hex'),
        AUDIT_SEAL_DIR: ctx.scratch.path('s11-audit-seals'),
        ATTACHMENTS_PATH: ctx.scratch.path('s11-attachments'),
        DEMO_DATA: 'true',
        WEB_DIST_PATH: WEB_DIST,
        LOG_LEVEL: 'warn',
      },
      port: await freePort(),
      readyPath: '/api/health',
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const login = await measure(browser, server.baseUrl, async (page) => {
        await page.goto('/#/login');
        await page.getByPlaceholder('用户名').waitFor();
        await page.waitForLoadState('networkidle');
      });
      ctx.log(`login page: ${login.kb.toFixed(1)} KB in ${login.responses} responses (fresh profile, as served: brotli)`);
      let loginShownMs = 0;
      const deputy = await measure(
        browser,
        server.baseUrl,
        async (page) => {
          const started = nowMs();
          await page.goto('/#/login');
          await page.getByPlaceholder('用户名').waitFor();
          loginShownMs = nowMs() - started;
          await page.getByPlaceholder('用户名').fill('daibiao1');
          await page.getByPlaceholder('密码').fill('demo1234');
          await page.locator('.login-card button[type=submit]').click();
          await page.getByTestId('suggestion-list').waitFor({ timeout: 120_000 });
          await page.waitForLoadState('networkidle');
        },
        SLOW_PHONE_LINK,
      );
      ctx.log(
        `deputy at 1.6 Mbps / 150 ms: login form after ${(loginShownMs / 1000).toFixed(1)} s; signed in with the list shown after ` +
          `${(deputy.ms / 1000).toFixed(1)} s, ${deputy.kb.toFixed(1)} KB in ${deputy.responses} responses`,
      );
      return [
        makeRow({ scenario: 'S11', measure: 'login page transferred', figure: login.kb, unit: 'KB', floors: [{ kind: 'figure_max', value: LOGIN_PAGE_LIMIT_KB }] }),
        makeRow({ scenario: 'S11', measure: "deputy's login form shown, slow phone link", figure: loginShownMs / 1000, unit: 's', floors: [] }),
        makeRow({ scenario: 'S11', measure: "deputy's list shown after signing in, slow link", figure: deputy.ms / 1000, unit: 's', floors: [] }),
        makeRow({ scenario: 'S11', measure: "deputy's first page transferred in all", figure: deputy.kb, unit: 'KB', floors: [] }),
      ];
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};

interface Measured {
  kb: number;
  responses: number;
  ms: number;
}

/** Runs `steps` in a fresh browser context and counts every response's bytes on the wire meanwhile. */
async function measure(browser: Browser, baseUrl: string, steps: (page: Page) => Promise<void>, link?: typeof SLOW_PHONE_LINK): Promise<Measured> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const { session, transfer } = await countTransfers(page);
    if (link) await session.send('Network.emulateNetworkConditions', link);
    const started = nowMs();
    await steps(page);
    return { kb: transfer.bytes / 1024, responses: transfer.urls.length, ms: nowMs() - started };
  } finally {
    await context.close();
  }
}
