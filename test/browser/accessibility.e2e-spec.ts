import type { Browser, Page } from 'playwright-core';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../support/test-app';
import { DESKTOP, launchChromium, openPerson, PHONE, screenshot, settled, type Person } from './support/browser';
import { signIn } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/**
 * Every page of every role (the login page, the public pages, each role's menu pages and its
 * suggestion detail page) checked by axe-core in Chromium: no violation of impact serious or
 * critical, none of the moderate rules in ENFORCED_MODERATE_RULES, and each page names itself in
 * the window title and has exactly one h1. The menu pages are read from the rendered menu, so a
 * page added to a menu is checked without a change here. After axe, each person also moves on
 * inside the app (no reload) to a few pages: axe's run must leave the app working.
 */
jest.setTimeout(600_000);

const PASSWORD = 'demo1234';
const AXE_SOURCE: string = require('axe-core').source;

/**
 * Moderate findings fixed once and held from now on: headings that skip levels (h1 → h5), content
 * outside any landmark, a page without a main landmark, a table column without a header.
 */
const ENFORCED_MODERATE_RULES = new Set(['heading-order', 'landmark-one-main', 'region', 'empty-table-header']);

/** How many pages each person opens in-app (hash change, same document) right after axe ran. */
const IN_APP_STEPS = 3;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

interface PageReport {
  url: string;
  title: string;
  h1s: string[];
  violations: AxeViolation[];
}

let server: TestApp;
let browser: Browser;
const reports: PageReport[] = [];
const pageErrors: string[] = [];
/** What each person's app logged as errors (a render error caught by the error boundary is only logged). */
const consoleErrors = new WeakMap<Person, string[]>();

async function token(username: string, password = PASSWORD): Promise<string> {
  const response = await server.http.post('/api/auth/login', { username, password });
  expect(response.status).toBe(200);
  return response.body.accessToken as string;
}

async function firstSuggestionId(username: string, password = PASSWORD): Promise<string> {
  const response = await server.http.get('/api/suggestions?pageSize=50', { token: await token(username, password) });
  expect(response.status).toBe(200);
  const items = response.body.items as { id: string; status: string }[];
  // A suggestion in handling shows the most: units, deadlines, actions.
  const chosen = items.find((item) => item.status === 'assigned') ?? items[0];
  expect(chosen).toBeDefined();
  return chosen.id;
}

/** A published suggestion for the public detail page: the demo publishes some; else one is published over HTTP. */
async function publishedOne(): Promise<string> {
  const published = await server.http.get('/api/public/suggestions');
  const first = (published.body.items as { id: string }[] | undefined)?.[0];
  if (first) return first.id;
  const staff = await token('gongwei');
  const list = await server.http.get('/api/suggestions?pageSize=100', { token: staff });
  for (const item of list.body.items as { id: string }[]) {
    const detail = await server.http.get(`/api/suggestions/${item.id}`, { token: staff });
    if ((detail.body.allowedActions as string[]).includes('publish')) {
      const published = await server.http.post(`/api/suggestions/${item.id}/publish`, {}, { token: staff });
      expect(published.status).toBe(200);
      return item.id;
    }
  }
  throw new Error('the demo organisation has no answer staff may publish');
}

/** Waits until the page has rendered its data: no spinner, no skeleton, for a moment. */
async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
  await page.waitForFunction(
    "!document.querySelector('.ant-spin-spinning, .ant-skeleton, .ant-table-placeholder .ant-spin')",
    undefined,
    { timeout: 20_000 },
  ).catch(() => undefined);
  // Then until antd's motions have ended and the charts are drawn (a fading element has the wrong contrast).
  await settled(page);
}

const phases: Record<string, number> = {};
async function timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await work();
  } finally {
    phases[phase] = (phases[phase] ?? 0) + Date.now() - start;
  }
}

async function checkPage(person: Person, hashPath: string, name: string): Promise<void> {
  const { page } = person;
  // A fresh load for each page: a page that breaks is reported as itself, not as every page after it.
  await timed('load', async () => {
    await page.goto(`/#${hashPath}`);
    await page.reload();
  });
  await timed('settle', () => settle(page));
  const crashed = await page.getByText('页面出错了').count();
  if (crashed) pageErrors.push(`${hashPath}: the page shows 页面出错了 (console: ${JSON.stringify(consoleErrors.get(person)?.splice(0) ?? [])})`);
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy (script-src 'self')
  // rightly refuses an inline <script>, and the test must not weaken it.
  const errorsBefore = person.pageErrors.length;
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const violations = await timed('axe', () => page.evaluate<AxeViolation[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
       id: v.id, impact: v.impact, help: v.help,
       nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`,
  ));
  // axe probes for eval support, which the CSP refuses: that refusal is axe's, not the app's.
  const axeErrors = person.pageErrors.splice(errorsBefore).filter((error) => !/unsafe-eval/.test(error));
  person.pageErrors.push(...axeErrors);
  const title = await page.title();
  const h1s = await page.locator('h1').allInnerTexts();
  reports.push({ url: hashPath, title, h1s, violations });
  // settle() has waited for the page already.
  await timed('screenshot', () => screenshot(page, `a11y-${name}`, { settle: false }));
}

/**
 * Right after axe ran on the page shown, goes to `hashPath` inside the app (the router follows the
 * hash; the document is not reloaded, which a marker proves) and expects that page, not 页面出错了.
 * axe reads the DOM React owns and a page's code loads on first use, so this is where a stale
 * chunk or a DOM axe left changed would show.
 */
async function navigateInApp(person: Person, hashPath: string): Promise<void> {
  const { page } = person;
  await page.evaluate("window.__sameDocument = true; location.hash = '#" + hashPath + "'");
  await timed('settle', () => settle(page));
  const sameDocument = await page.evaluate<boolean>('window.__sameDocument === true');
  const crashed = await page.getByText('页面出错了').count();
  const h1s = await page.locator('h1').allInnerTexts();
  if (!sameDocument) pageErrors.push(`in-app ${hashPath}: the document was reloaded, so this is no in-app navigation`);
  if (crashed) pageErrors.push(`in-app ${hashPath}: after axe, the page shows 页面出错了 (console: ${JSON.stringify(consoleErrors.get(person)?.splice(0) ?? [])})`);
  else if (h1s.length !== 1) pageErrors.push(`in-app ${hashPath}: after axe, ${h1s.length} h1 elements (${JSON.stringify(h1s)})`);
  inAppVisits.push(hashPath);
}
const inAppVisits: string[] = [];

function signedInPaths(page: Page): Promise<string[]> {
  // Each menu item carries its route in data-path, also the items a narrow screen folds into "more".
  return page.evaluate<string[]>("[...document.querySelectorAll('.app-menu [data-path]')].map((item) => item.getAttribute('data-path'))");
}

async function checkRole(username: string, password: string, viewport: typeof DESKTOP, details: string[]): Promise<void> {
  const person = await openPerson(browser, server.baseUrl, viewport);
  const logged: string[] = [];
  consoleErrors.set(person, logged);
  person.page.on('console', (message) => {
    if (message.type() === 'error') logged.push(message.text().slice(0, 300));
  });
  try {
    await signIn(person.page, username, password);
    await settle(person.page);
    const menuPaths = [...new Set(await signedInPaths(person.page))];
    expect(menuPaths.length).toBeGreaterThan(0);
    for (const path of menuPaths) await checkPage(person, path, `${username}${path.replace(/[^a-z0-9]+/gi, '-')}`);
    // Named by position, not by the suggestion's id: a new id per run would pile up screenshots.
    for (const [index, path] of details.entries()) await checkPage(person, path, `${username}-detail-${index + 1}`);
    // axe has just run on the last detail page: from there, in-app to the first menu pages.
    for (const path of menuPaths.slice(0, IN_APP_STEPS)) await navigateInApp(person, path);
    // axe's eval probe can report its CSP refusal after axe.run resolved (seen on a loaded host,
    // during the in-app steps): still axe's, never the app's, which uses no eval.
    pageErrors.push(...person.pageErrors.filter((error) => !/unsafe-eval/.test(error)).map((error) => `${username}: page error ${error}`));
  } finally {
    await person.context.close();
  }
}

function describeProblems(report: PageReport): string[] {
  const problems: string[] = [];
  for (const violation of report.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical' && !ENFORCED_MODERATE_RULES.has(violation.id)) continue;
    for (const node of violation.nodes) {
      problems.push(`${report.url}: [${violation.impact}] ${violation.id} at ${JSON.stringify(node.target)}: ${violation.help}`);
    }
  }
  if (!/\S+ - 代表建议督办$/.test(report.title)) problems.push(`${report.url}: window title "${report.title}" does not name the page`);
  if (report.h1s.length !== 1) problems.push(`${report.url}: ${report.h1s.length} h1 elements (${JSON.stringify(report.h1s)})`);
  return problems;
}

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestApp({ DEMO_DATA: 'on', WEB_DIST_PATH: WEB_DIST });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

it('every page of every role has no serious or critical axe violation, a title naming it and one h1', async () => {
  const publishedId = await publishedOne();
  const [deputyId, unitId, staffId] = await Promise.all([firstSuggestionId('daibiao1'), firstSuggestionId('jiaotong'), firstSuggestionId('gongwei')]);
  // Two people at a time, each in their own browser context: most of a page's time is waiting
  // (loading, settling), which overlaps, so the walk takes about half as long without leaving out a page.
  const anonymousPages = async () => {
    const anonymous = await openPerson(browser, server.baseUrl, DESKTOP);
    await checkPage(anonymous, '/login', 'login');
    await checkPage(anonymous, '/public', 'public');
    await checkPage(anonymous, `/public/${publishedId}`, 'public-detail');
    await anonymous.context.close();
  };
  await Promise.all([
    (async () => {
      await anonymousPages();
      await checkRole('daibiao1', PASSWORD, PHONE, [`/deputy/suggestions/${deputyId}`]);
      await checkRole('jiaotong', PASSWORD, DESKTOP, [`/unit/suggestions/${unitId}`]);
      await checkRole('duban', PASSWORD, DESKTOP, [`/supervisor/suggestions/${staffId}`]);
    })(),
    (async () => {
      await checkRole('gongwei', PASSWORD, DESKTOP, [`/staff/suggestions/${staffId}`, '/deputies/daibiao1/archive']);
      await checkRole('admin', TEST_ADMIN_PASSWORD, DESKTOP, [`/staff/suggestions/${staffId}`, `/supervisor/suggestions/${staffId}`]);
    })(),
  ]);
  reports.sort((a, b) => a.url.localeCompare(b.url));

  const problems = [...reports.flatMap(describeProblems), ...pageErrors];
  console.log(
    `axe checked ${reports.length} pages:\n` +
      reports.map((r) => `  ${r.url} "${r.title}" h1=${JSON.stringify(r.h1s)} violations=${r.violations.map((v) => `${v.id}(${v.impact})`).join(',') || 'none'}`).join('\n'),
  );
  console.log(`in-app after axe: ${inAppVisits.length} pages (${inAppVisits.join(', ')})`);
  console.log(`time per phase (ms): ${JSON.stringify(phases)}`);
  expect(inAppVisits.length).toBeGreaterThanOrEqual(IN_APP_STEPS * 5);
  if (problems.length) console.log(problems.join('\n'));
  expect(problems).toEqual([]);
});
