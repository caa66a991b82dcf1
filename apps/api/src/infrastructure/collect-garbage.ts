import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Collected {
  beforeBytes: number;
  afterBytes: number;
  ms: number;
}

let gc: (() => void) | null | undefined;

/**
 * A full garbage collection now, or null where the runtime offers none. Node exposes `gc` only
 * with --expose-gc; the flag set at run time exposes it in a context made after that.
 */
export function collectGarbageNow(): Collected | null {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const exposed: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      gc = typeof exposed === 'function' ? (exposed as () => void) : null;
    } catch {
      gc = null;
    }
  }
  if (gc === null) return null;
  const beforeBytes = process.memoryUsage().heapUsed;
  const started = process.hrtime.bigint();
  gc();
  return { beforeBytes, afterBytes: process.memoryUsage().heapUsed, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}
