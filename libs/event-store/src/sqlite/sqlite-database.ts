import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type SqliteSynchronous = 'full' | 'normal';

export interface SqliteDatabaseOptions {
  path: string;
  /**
   * `full` (default): every acknowledged append has been fsynced to the WAL.
   * `normal`: faster, but the last commits can be lost on power failure (not on a process crash).
   */
  synchronous: SqliteSynchronous;
  busyTimeoutMs: number;
}

const SCHEMA_VERSION = 1;

/**
 * The global sequence is the rowid: INTEGER PRIMARY KEY is the position in $all. AUTOINCREMENT
 * so a position is never handed out twice, even if someone trims the table by hand.
 * STRICT so a wrong type is an error instead of a silently stored string.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  event_id  TEXT    NOT NULL UNIQUE,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
) STRICT;
`;

/** Opens (creating if needed) an event store file in WAL mode with the chosen durability. */
export function openEventStoreDatabase(options: SqliteDatabaseOptions): Database.Database {
  if (options.path !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
  const db = new Database(options.path);
  try {
    // busy_timeout first: the pragmas below may already need the file's lock.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (options.path !== ':memory:' && String(mode).toLowerCase() !== 'wal') {
      throw new Error(`event store ${options.path}: could not switch to WAL (journal_mode is ${String(mode)})`);
    }
    db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) {
    throw new Error(`event store schema version ${version} is newer than this program understands (${SCHEMA_VERSION})`);
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
