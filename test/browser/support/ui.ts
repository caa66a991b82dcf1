import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** Where a failed wait leaves a screenshot of the whole page. */
const FAILURE_DIR = path.resolve(__dirname, '../../../test-output/failures');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Ant Design puts a space between the two characters of a two-character Chinese button
 * ("登 录"); match button names whatever the spacing.
 */
export function label(text: string): RegExp {
  const chars = [...text].map(escapeRegExp);
  return new RegExp(`^\\s*${chars.join('\\s*')}\\s*$`);
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  // A fresh form: the login page already shown may still hold an earlier attempt (its error, its
  // busy button), and going to the URL already shown changes nothing in a hash-routed app.
  if (page.url().endsWith('/#/login')) await page.reload();
  else await page.goto('/#/login');
  try {
    await page.getByPlaceholder('用户名').fill(username);
    await page.getByPlaceholder('密码').fill(password);
    await page.locator('.login-card button[type=submit]:not(.ant-btn-loading)').click();
    await page.getByTestId('user-box').waitFor();
  } catch (error) {
    throw await explainFailure(page, `signing in as ${username}`, error);
  }
}

/** A screenshot of the whole page under FAILURE_DIR; its path, for the error message. */
async function failureScreenshot(page: Page, name: string): Promise<string> {
  const shot = path.join(FAILURE_DIR, `${name}-${Date.now()}.png`);
  fs.mkdirSync(FAILURE_DIR, { recursive: true });
  await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
  return shot;
}

/** What the page showed when a step failed (its text, the buttons, a screenshot): a CI log has only this. */
async function explainFailure(page: Page, step: string, error: unknown): Promise<Error> {
  const text = await page.locator('body').innerText({ timeout: 2_000 }).catch(() => '(no body)');
  // Runs in the page: the root tsconfig has no DOM types, hence the string.
  const buttons = await page
    .evaluate<string[]>("[...document.querySelectorAll('button')].map((b) => b.outerHTML.slice(0, 200))")
    .catch(() => []);
  const shot = await failureScreenshot(page, step.replace(/\W+/g, '-'));
  return new Error(
    `${step} failed at ${page.url()}; the page shows: ${JSON.stringify(text.slice(0, 600))}; ` +
      `buttons: ${JSON.stringify(buttons)}; screenshot: ${shot}\n${String(error)}`,
  );
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByPlaceholder('用户名').waitFor();
}

/** The open dialog that a button with this test id opened. */
export function dialog(page: Page, testId: string): Locator {
  return page.locator(`.dialog-${testId} .ant-modal`);
}

export async function openDialog(page: Page, testId: string): Promise<Locator> {
  await page.getByTestId(testId).click();
  const modal = dialog(page, testId);
  await modal.waitFor({ state: 'visible' });
  // The dialog takes the focus when its opening animation ends; a Select opened before that loses
  // it and its dropdown closes under the click (seen on a loaded CI machine).
  await page.locator(`.dialog-${testId} .ant-modal[class*="-zoom-"]`).waitFor({ state: 'detached' });
  return modal;
}

export async function submitDialog(modal: Locator): Promise<void> {
  await modal.locator('.ant-modal-footer .ant-btn-primary').click();
}

/** Picks an option of the antd Select inside a form item with this label. */
export async function choose(page: Page, scope: Locator, itemLabel: string, option: string): Promise<void> {
  const select = scope.locator('.ant-form-item', { has: page.locator('label', { hasText: itemLabel }) }).locator('.ant-select');
  // The dropdown of *this* select (its listbox is `<input id>_list`): another one may still be closing.
  const inputId = await select.locator('input').first().getAttribute('id');
  const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${inputId}_list"]`) });
  const chosen = select.filter({ hasText: option });
  // On a loaded machine a click can land while the dropdown is still sliding in and pick
  // nothing; check that the select shows the option, and try again if it does not.
  // The dropdown can also close before the click lands (focus moved): open it again and retry.
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (!(await dropdown.isVisible())) await select.click();
      await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 5_000 });
      await chosen.first().waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw new Error(`could not choose "${option}" in "${itemLabel}": ${String(error)}`);
    }
  }
}

/** Picks one button of a radio group inside a form item with this label. */
export async function pickRadio(scope: Locator, itemLabel: string, option: string): Promise<void> {
  await scope
    .locator('.ant-form-item', { has: scope.page().locator('label', { hasText: itemLabel }) })
    .locator('.ant-radio-button-wrapper, .ant-radio-wrapper', { hasText: new RegExp(`^${escapeRegExp(option)}$`) })
    .click();
}

export async function fillField(scope: Locator, itemLabel: string, value: string): Promise<void> {
  await scope
    .locator('.ant-form-item', { has: scope.page().locator('label', { hasText: itemLabel }) })
    .locator('input, textarea')
    .first()
    .fill(value);
}

export async function waitForStatus(page: Page, status: string): Promise<void> {
  try {
    await page.locator(`[data-testid=suggestion-detail][data-status=${status}]`).waitFor();
  } catch (error) {
    // Say what the page showed instead: usually the api's refusal in a dialog or a toast.
    const shown = await page.locator('[data-testid=action-error], .ant-message-notice, .ant-form-item-explain-error').allTextContents();
    const current = await page.locator('[data-testid=suggestion-detail]').getAttribute('data-status').catch(() => null);
    // The newest timeline entries tell whether someone (or the scheduler) changed it meanwhile.
    const timeline = await page.locator('[data-testid=timeline] .ant-timeline-item').allTextContents().catch(() => []);
    const shot = await failureScreenshot(page, `status-${status}`);
    throw new Error(
      `status "${status}" not reached (now "${current}"); the page shows: ${JSON.stringify(shown)}; ` +
        `latest timeline entries: ${JSON.stringify(timeline.slice(-3))}; screenshot: ${shot}\n${String(error)}`,
    );
  }
}

export async function confirmPopover(page: Page): Promise<void> {
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: label('确定') }).click();
}
