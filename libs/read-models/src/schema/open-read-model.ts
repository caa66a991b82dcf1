import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import {
  READ_MODEL_INDEXES_BUT_EVENT_LOG_DDL,
  READ_MODEL_INDEXES_DDL,
  READ_MODEL_SCHEMA_VERSION,
  READ_MODEL_TABLES_DDL,
} from './read-model-schema';

export type ReadModelDatabase = Database.Database;

/**
 * `live`: the service's database (WAL; synchronous NORMAL is enough because a lost tail is
 * replayed from the events). `bulk`: a rebuild's temporary file, thrown away if the rebuild
 * fails, so it needs no journal at all until finishBulkLoad() turns it into a live one.
 */
export type ReadModelOpenMode = 'live' | 'bulk';

export interface OpenedReadModel {
  db: ReadModelDatabase;
  /** True when the tables were (re)created: the projector must start from the first event. */
  reset: boolean;
}

/**
 * A bulk file's settings: no journal, no syncs (the file is thrown away if the rebuild fails), a
 * large cache, the file locked for this connection alone.
 */
export const BULK_LOAD_PRAGMAS: readonly string[] = [
  'journal_mode = OFF',
  'synchronous = OFF',
  'cache_size = -262144',
  'locking_mode = EXCLUSIVE',
  'temp_store = MEMORY',
];

export function openReadModelDatabase(path: string, mode: ReadModelOpenMode = 'live'): OpenedReadModel {
  const db = new Database(path);
  try {
    if (mode === 'live') {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // 16 MiB of pages for the service: the OS keeps the rest of the file cached, and a page read
      // from it costs microseconds. 64 MiB filled up at 100k suggestions and put the service over
      // the S7 memory floor (measured: 90 MiB of malloc heap after the scheduler's catch-up).
      db.pragma('cache_size = -16384');
      db.pragma('temp_store = MEMORY');
    } else {
      for (const pragma of BULK_LOAD_PRAGMAS) db.pragma(pragma);
    }
    const reset = ensureSchema(db, mode);
    return { db, reset };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens a bulk file whose tables another connection filled (the rebuild's writer thread), with
 * the bulk settings and without touching its schema, so finishBulkLoad() can complete it.
 */
export function reopenBulkLoad(path: string): ReadModelDatabase {
  const db = new Database(path, { fileMustExist: true });
  try {
    for (const pragma of BULK_LOAD_PRAGMAS) db.pragma(pragma);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Whether `path` holds a read model of this schema version (false when there is no file). */
export function isCurrentReadModel(path: string): boolean {
  if (!existsSync(path)) return false;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return storedSchemaVersion(db) === READ_MODEL_SCHEMA_VERSION;
  } finally {
    db.close();
  }
}

/** The version stored in the file, 0 for a new or half-built one. */
export function storedSchemaVersion(db: ReadModelDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function ensureSchema(db: ReadModelDatabase, mode: ReadModelOpenMode): boolean {
  if (mode === 'live' && storedSchemaVersion(db) === READ_MODEL_SCHEMA_VERSION) return false;
  db.transaction(() => {
    dropEverything(db);
    db.exec(READ_MODEL_TABLES_DDL);
    if (mode === 'live') {
      db.exec(READ_MODEL_INDEXES_DDL);
      db.pragma(`user_version = ${READ_MODEL_SCHEMA_VERSION}`);
    }
  })();
  return true;
}

/** Drops whatever an older (or newer) version left, not only today's tables. */
function dropEverything(db: ReadModelDatabase): void {
  const objects = db
    .prepare(`SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'`)
    .all() as { type: string; name: string }[];
  for (const { type, name } of objects) {
    db.exec(`DROP ${type === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS "${name.replace(/"/g, '""')}"`);
  }
}

/**
 * Ends a bulk load: builds the indexes in one pass, stamps the schema version (only now does the
 * file count as a valid read model) and switches to WAL so the service can open it as it is.
 */
export function finishBulkLoad(db: ReadModelDatabase, options: { eventLogIndexed?: boolean } = {}): void {
  db.transaction(() => {
    // `eventLogIndexed`: the rebuild's writer thread built EVENT_LOG_INDEXES_DDL already.
    db.exec(options.eventLogIndexed ? READ_MODEL_INDEXES_BUT_EVENT_LOG_DDL : READ_MODEL_INDEXES_DDL);
    db.pragma(`user_version = ${READ_MODEL_SCHEMA_VERSION}`);
  })();
  db.pragma('locking_mode = NORMAL');
  db.pragma('journal_mode = WAL');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
