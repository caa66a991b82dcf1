import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const WEB_ROOT = path.join(REPO_ROOT, 'apps', 'web');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');
/** The labels are bundled into the web app (the one folder of libs it imports as values). */
const LABELS = path.join(REPO_ROOT, 'libs', 'domain', 'src', 'labels');

/**
 * Browser test files run in parallel jest workers: the first to find the bundle stale builds it
 * while the others wait, so none serves a dist/ that Vite is emptying and rewriting. One lock per
 * checkout (worktrees build their own dist/); a lock left by a killed run expires.
 */
const LOCK = path.join(tmpdir(), `duban-web-build-${createHash('sha256').update(WEB_ROOT).digest('hex').slice(0, 12)}.lock`);
const BUILD_TIMEOUT_MS = 180_000;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  const index = path.join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const newest = Math.max(
    newestSource(path.join(WEB_ROOT, 'src')),
    newestSource(path.join(WEB_ROOT, 'build')),
    newestSource(LABELS),
    statSync(path.join(WEB_ROOT, 'index.html')).mtimeMs,
    statSync(path.join(WEB_ROOT, 'vite.config.ts')).mtimeMs,
  );
  return statSync(index).mtimeMs < newest;
}

/** Blocks this worker (the callers are synchronous); waiting here costs no CPU. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function takeLock(): void {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A build never takes longer than its timeout: an older lock belongs to a run that was killed.
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > BUILD_TIMEOUT_MS + 10_000) rmSync(LOCK, { recursive: true, force: true });
      else pause(250);
    }
  }
}

/**
 * The browser tests drive the built app, as the api serves it. Builds it (Vite's JS API) when
 * dist/ is missing or older than the sources, so a test never passes against a stale bundle.
 * The build runs in a child process: Vite is an ES module, which Jest's CommonJS runtime cannot load.
 */
export function ensureWebBuilt(): void {
  if (!isStale()) return;
  takeLock();
  try {
    // Another worker may have built it while this one waited for the lock.
    if (!isStale()) return;
    const script = `import('vite').then((vite) => vite.build({ configFile: ${JSON.stringify(path.join(WEB_ROOT, 'vite.config.ts'))}, logLevel: 'warn' }))`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, stdio: 'inherit', timeout: BUILD_TIMEOUT_MS });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
