/**
 * SQLite result codes that say nothing about the event being applied: the disk is full, an I/O
 * call failed, or another connection holds a lock. Extended codes (SQLITE_IOERR_WRITE,
 * SQLITE_BUSY_SNAPSHOT…) share the prefix. The same event applies once the condition passes, so
 * these are retried, never parked.
 */
const TRANSIENT_SQLITE_CODES = ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_NOMEM', 'SQLITE_CANTOPEN'];

/**
 * True when the error, or any error it was caused by, is a transient SQLite failure. Not
 * `instanceof Error`: the driver's errors may come from another realm (a test sandbox, a worker).
 */
export function isTransientFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current: unknown = error; typeof current === 'object' && current !== null && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT_SQLITE_CODES.some((prefix) => code === prefix || code.startsWith(`${prefix}_`))) return true;
  }
  return false;
}
