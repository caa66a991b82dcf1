import { StoreFullError, StoreUnavailableError } from '../port/errors';

/**
 * SQLite result codes of a write that failed because of the file or the disk, not the request.
 * better-sqlite3 reports extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…), hence prefixes.
 */
const UNAVAILABLE_PREFIXES = ['SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_PROTOCOL'];

/**
 * Turns the embedded store's disk-full and I/O failures into the port's errors, so the api can
 * say "try again later" (503) instead of a bare 500 without knowing which adapter it runs on.
 * Anything else (a concurrency error, a bug) passes through unchanged.
 */
export function toStoreWriteError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_FULL') return new StoreFullError(`event store is full: ${detail}`, error);
  if (UNAVAILABLE_PREFIXES.some((prefix) => code.startsWith(prefix))) return new StoreUnavailableError(`event store cannot write (${code}): ${detail}`, error);
  return error;
}
