import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const WEB_ROOT = path.join(REPO_ROOT, 'apps', 'web');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The browser tests drive the built app, as the api serves it. Builds it (Vite's JS API) when
 * dist/ is missing or older than the sources, so a test never passes against a stale bundle.
 * The build runs in a child process: Vite is an ES module, which Jest's CommonJS runtime cannot load.
 */
export function ensureWebBuilt(): void {
  const index = path.join(WEB_DIST, 'index.html');
  const sourcesChanged =
    !existsSync(index) ||
    statSync(index).mtimeMs <
      Math.max(newestSource(path.join(WEB_ROOT, 'src')), newestSource(path.join(WEB_ROOT, 'build')), statSync(path.join(WEB_ROOT, 'index.html')).mtimeMs, statSync(path.join(WEB_ROOT, 'vite.config.ts')).mtimeMs);
  if (!sourcesChanged) return;
  const script = `import('vite').then((vite) => vite.build({ configFile: ${JSON.stringify(path.join(WEB_ROOT, 'vite.config.ts'))}, logLevel: 'warn' }))`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, stdio: 'inherit', timeout: 180_000 });
}
