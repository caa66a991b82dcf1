import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AuditSeal } from './audit-seal';

const SEAL_FILE = /^seal-\d{8}T\d{9}Z(?:-\d+)?\.json$/;

/** `seal-20260101T120000000Z.json`: names sort by time, so the latest is the last. */
function sealFileName(sealedAt: string): string {
  return `seal-${sealedAt.replace(/[-:.]/g, '')}.json`;
}

/**
 * Writes the seal as a new file (never over another one), atomically: a reader never sees half
 * a seal. Returns its path.
 */
export function writeSealFile(dir: string, seal: AuditSeal): string {
  fs.mkdirSync(dir, { recursive: true });
  const base = sealFileName(seal.sealedAt);
  for (let n = 0; ; n++) {
    const file = path.join(dir, n === 0 ? base : base.replace(/\.json$/, `-${n}.json`));
    if (fs.existsSync(file)) continue;
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, `${JSON.stringify(seal, null, 1)}\n`, { mode: 0o644 });
    try {
      fs.linkSync(temporary, file); // fails if a seal of the same instant appeared meanwhile
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    fs.rmSync(temporary, { force: true });
    return file;
  }
}

export function readSealFile(file: string): AuditSeal {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as AuditSeal;
}

/** The newest seal in the folder, or null when there is none (or no folder). */
export function latestSealFile(dir: string): string | null {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const seals = names.filter((name) => SEAL_FILE.test(name)).sort(compareSealNames);
  return seals.length === 0 ? null : path.join(dir, seals[seals.length - 1]!);
}

/** By time, then by the -n suffix of seals taken in the same millisecond. */
function compareSealNames(a: string, b: string): number {
  const [ta, na] = splitName(a);
  const [tb, nb] = splitName(b);
  return ta !== tb ? (ta < tb ? -1 : 1) : na - nb;
}

function splitName(name: string): [string, number] {
  const m = /^seal-(\d{8}T\d{9}Z)(?:-(\d+))?\.json$/.exec(name)!;
  return [m[1]!, m[2] === undefined ? 0 : Number(m[2])];
}
