const LAST_RELOAD_KEY = 'duban.staleChunkReloadAt';
/** A second failure this soon after a reload is not a redeploy: the error boundary says so instead. */
const RETRY_WINDOW_MS = 15_000;

/**
 * Pages load their code when first opened. After a redeploy (or a rebuild of dist/ while a tab is
 * open) the old hashed files are gone, so opening another page from the menu fails to import its
 * code, and the page used to show 页面出错了 until a manual refresh. Vite announces that failure as
 * `vite:preloadError`; the fresh index.html names the new files, so one reload is the cure. Drafts
 * are kept in localStorage (api/drafts.ts), so a reload loses nothing typed.
 */
export function reloadOnStaleChunk(): void {
  window.addEventListener('vite:preloadError', (event) => {
    const last = Number(sessionStorage.getItem(LAST_RELOAD_KEY) ?? 0);
    if (Date.now() - last < RETRY_WINDOW_MS) return;
    sessionStorage.setItem(LAST_RELOAD_KEY, String(Date.now()));
    event.preventDefault();
    window.location.reload();
  });
}
