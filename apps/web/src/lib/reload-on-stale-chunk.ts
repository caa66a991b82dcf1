const LAST_RELOAD_KEY = 'duban.staleChunkReloadAt';
/** A second failure this soon after a reload is not a redeploy: the error boundary says so instead. */
const RETRY_WINDOW_MS = 15_000;

/**
 * Pages load their code when first opened. After a redeploy (or a rebuild of dist/ while a tab is
 * open) the old hashed files are gone, so opening another page from the menu fails to import its
 * code, and the page used to show 页面出错了 until a manual refresh. The fresh index.html names
 * the new files, so one reload is the cure; drafts are kept in localStorage (api/drafts.ts), so
 * nothing typed is lost. Returns false when a reload just happened and did not help.
 */
export function reloadOnceForStaleCode(): boolean {
  const last = Number(sessionStorage.getItem(LAST_RELOAD_KEY) ?? 0);
  if (Date.now() - last < RETRY_WINDOW_MS) return false;
  sessionStorage.setItem(LAST_RELOAD_KEY, String(Date.now()));
  window.location.reload();
  return true;
}
