import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const BUILT_MAIN = path.join(REPO_ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
/** Rewritten by every build (tsc only rewrites the .js files that changed). */
const BUILD_INFO = path.join(REPO_ROOT, 'dist', '.tsbuildinfo');

const SOURCE_ROOTS = ['apps/api/src', 'libs/domain/src', 'libs/event-store/src', 'libs/read-models/src'];

/**
 * The crash test runs the built service, exactly what `npm start` runs: build it first when any
 * source file is newer than dist (or dist is missing). Incremental, so an up-to-date tree costs little.
 */
export function ensureBuiltServer(): { built: boolean; ms: number } {
  const started = Date.now();
  const builtAt = existsSync(BUILT_MAIN) && existsSync(BUILD_INFO) ? statSync(BUILD_INFO).mtimeMs : 0;
  if (builtAt > 0 && newestSource() <= builtAt) return { built: false, ms: 0 };
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT, stdio: 'pipe' });
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? '').slice(0, 4000);
    throw new Error(`the crash test runs the built service, but \`tsc -p tsconfig.build.json\` failed:\n${output}`);
  }
  if (!existsSync(BUILT_MAIN)) throw new Error(`build did not produce ${BUILT_MAIN}`);
  return { built: true, ms: Date.now() - started };
}

function newestSource(): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'testing' && entry.name !== 'node_modules') visit(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        newest = Math.max(newest, statSync(full).mtimeMs);
      }
    }
  };
  for (const root of SOURCE_ROOTS) visit(path.join(REPO_ROOT, root));
  return newest;
}
