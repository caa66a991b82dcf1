import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The repository root, found by walking up to the package.json named "duban": the bench runs
 * both from its compiled copy (dist/bench/bench/…) and from ts-jest (bench/…).
 */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const name = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === 'duban') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no duban package.json above ${from}`);
    dir = parent;
  }
}
