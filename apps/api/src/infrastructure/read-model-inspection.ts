import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { Position, StoreMark } from '@duban/event-store';
import { READ_MODEL_SCHEMA_VERSION, storedSchemaVersion } from '@duban/read-models';
import { readStoreMark } from './read-model-store-mark';

/** What the service finds in its read-model file before it serves from it. */
export type ReadModelInspection =
  | { state: 'missing' }
  | { state: 'outdated'; version: number }
  /** SQLite says the file's pages are damaged: its rows cannot be trusted. */
  | { state: 'damaged'; problems: string[] }
  | { state: 'current'; checkpoint: Position | null; mark: StoreMark | null };

/** SQLite's codes for a file that is not (or no longer) a sound database. */
const DAMAGE_CODES = ['SQLITE_CORRUPT', 'SQLITE_NOTADB'];

/** quick_check stops after this many problems: enough for the log, cheaper than listing all. */
const MAX_PROBLEMS = 5;

/**
 * Opens the file, runs `PRAGMA quick_check` (every page's structure, without comparing indexes to
 * their tables: O(file size), see the README for its cost on the bench data set) and reads the
 * checkpoint and the store mark. Other failures (a locked file, no permission) are thrown: a
 * rebuild would not cure them, and replacing a file someone else holds would be worse.
 * `quickCheck: false` skips the page check: only for a file checked moments ago and unchanged since.
 */
export function inspectReadModel(path: string, options: { quickCheck?: boolean } = {}): ReadModelInspection {
  if (!existsSync(path)) return { state: 'missing' };
  let db: Database.Database | null = null;
  try {
    // Not read-only: a WAL left by a crash must be recovered before the file can be judged.
    db = new Database(path, { fileMustExist: true });
    const version = storedSchemaVersion(db);
    if (version !== READ_MODEL_SCHEMA_VERSION) return { state: 'outdated', version };
    if (options.quickCheck !== false) {
      const verdict = db.pragma(`quick_check(${MAX_PROBLEMS})`, { simple: false }) as { quick_check: string }[];
      const problems = verdict.map((row) => row.quick_check).filter((line) => line !== 'ok');
      if (problems.length > 0) return { state: 'damaged', problems };
    }
    return { state: 'current', checkpoint: readCheckpoint(db), mark: readStoreMark(db) };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && DAMAGE_CODES.some((damage) => code.startsWith(damage))) {
      return { state: 'damaged', problems: [`${code}: ${error instanceof Error ? error.message : String(error)}`] };
    }
    throw error;
  } finally {
    db?.close();
  }
}

/** The projector's checkpoint as its CheckpointStore saved it (decimal text: ESDB positions may exceed int64). */
function readCheckpoint(db: Database.Database): Position | null {
  const row = db.prepare<[], { c: string; p: string }>(`SELECT commit_position AS c, prepare_position AS p FROM checkpoints WHERE name = 'read-models'`).get();
  return row ? { commit: BigInt(row.c), prepare: BigInt(row.p) } : null;
}
