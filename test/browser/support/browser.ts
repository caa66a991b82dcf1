import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './web-build';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-output', 'screenshots');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** One person at one screen size: their own cookies and storage, like their own device. */
export interface Person {
  context: BrowserContext;
  page: Page;
  /** Errors the page threw or logged: a test fails on them (blank screens start here). */
  pageErrors: string[];
}

export async function openPerson(browser: Browser, baseUrl: string, viewport: { width: number; height: number }): Promise<Person> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
  });
  const page = await context.newPage();
  // Generous: CI machines are shared and a slow render is not a failure of the app.
  page.setDefaultTimeout(30_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

/**
 * Waits until what the page shows has stopped moving: web fonts loaded, no finite CSS animation
 * or transition running (antd's motions), and each chart canvas drawn the same on two frames in a
 * row (ECharts animates on its own timer, which the Web Animations API does not see). A condition,
 * not a fixed pause: a still page costs two frames. Bounded: what never settles (a spinner runs
 * forever) is waited for at most `timeoutMs`, and the caller's own checks decide what that means.
 */
export async function settled(page: Page, timeoutMs = 3_000): Promise<void> {
  // Runs in the page: the root tsconfig has no DOM types, hence the string.
  await page.evaluate(`(async () => {
    const deadline = performance.now() + ${timeoutMs};
    await Promise.race([document.fonts.ready, new Promise((resolve) => setTimeout(resolve, ${timeoutMs}))]);
    // A frame, or 100 ms where the page draws no frames (a hidden page gets no animation frames).
    const frame = () => new Promise((resolve) => { requestAnimationFrame(() => resolve()); setTimeout(resolve, 100); });
    const moving = () => document.getAnimations().some((a) => a.playState === 'running' && a.effect && a.effect.getComputedTiming().iterations !== Infinity);
    const drawn = () => [...document.querySelectorAll('canvas')].map((c) => { try { return c.toDataURL(); } catch { return ''; } }).join('|');
    let before = drawn();
    while (performance.now() < deadline) {
      await frame();
      await frame();
      const now = drawn();
      if (!moving() && now === before) return;
      before = now;
    }
  })()`);
}

export async function screenshot(page: Page, name: string, options: { settle?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Let charts, motions and fonts finish: screenshots are for people to look at. A caller that has waited already says so.
  if (options.settle !== false) await settled(page);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
