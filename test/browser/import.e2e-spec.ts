import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { DESKTOP, launchChromium, openPerson, screenshot, type Person } from './support/browser';
import { label, signIn } from './support/ui';
import { ensureWebBuilt, WEB_DIST } from './support/web-build';

/** 批量导入 through the staff page: a dry run shows the per-row report, the import then creates the good rows. */
jest.setTimeout(180_000);

let server: TestApp;
let browser: Browser;
let staff: Person;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestApp({ DEMO_DATA: 'on', WEB_DIST_PATH: WEB_DIST });
  browser = await launchChromium();
  staff = await openPerson(browser, server.baseUrl, DESKTOP);
  await signIn(staff.page, 'gongwei', 'demo1234');
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

afterEach(() => {
  expect(staff?.pageErrors.splice(0) ?? []).toEqual([]);
});

it('staff upload a sheet: the dry run lists the bad row with its column, the import creates the good rows', async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('代表建议');
  const stamp = Date.now().toString(36);
  sheet.addRow(['标题', '内容', '领衔代表', '附议代表', '代表团']);
  sheet.addRow([`关于增开夜班公交的建议 ${stamp}`, '建议增开夜班公交线路。', '张伟', '李娜、daibiao3', '']);
  sheet.addRow([`关于校园周边交通安全的建议 ${stamp}`, '建议增设护学岗。', 'daibiao2', '', '']);
  sheet.addRow([`关于无名代表的建议 ${stamp}`, '内容', '查无此人', '', '']);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'duban-import-')), '代表建议.xlsx');
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));

  const { page } = staff;
  await page.goto('/#/staff/import');
  await page.getByRole('heading', { name: '批量导入' }).waitFor();
  await page.locator('input[type=file]').first().setInputFiles(file);
  await page.getByTestId('dry-run-suggestions').click();
  const report = page.getByTestId('import-report');
  await report.waitFor();
  await expect(report.textContent()).resolves.toContain('试导入结果');
  const errors = page.getByTestId('import-errors');
  await expect(errors.textContent()).resolves.toContain('找不到代表「查无此人」');
  await expect(errors.locator('tbody tr').first().textContent()).resolves.toMatch(/^4领衔代表/);
  await screenshot(page, 'import-dry-run');

  await page.getByTestId('import-suggestions').click();
  await page.getByText('导入结果', { exact: true }).waitFor();
  await expect(report.locator('.ant-statistic').first().textContent()).resolves.toContain('2');
  await screenshot(page, 'import-done');

  await page.goto('/#/staff');
  await page.getByText(`关于增开夜班公交的建议 ${stamp}`).waitFor();
  await expect(page.getByRole('button', { name: label('批量立案') }).isVisible()).resolves.toBe(true);
});
