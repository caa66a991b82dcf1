import type Database from 'better-sqlite3';
import { comparePositions, markOf, storeFingerprint, type EventStore, type Position, type StoreMark } from '@duban/event-store';

/**
 * The event the read model's checkpoint stands on (stream, revision, hash, position), kept in the
 * read-model file beside the checkpoint. The checkpoint alone is a number: a store restored from
 * an older backup, or swapped for another one, may hold a different event at that number, and the
 * read model would go on describing events the store does not have. Not part of the library's
 * schema: a file without this table (a fresh rebuild, an older version) simply has no mark yet.
 */
const TABLE_DDL = `CREATE TABLE IF NOT EXISTS store_mark (
  name TEXT PRIMARY KEY,
  commit_position TEXT NOT NULL,
  prepare_position TEXT NOT NULL,
  stream_id TEXT NOT NULL,
  revision TEXT NOT NULL,
  hash TEXT
)`;
const NAME = 'read-models';

interface MarkRow {
  c: string;
  p: string;
  s: string;
  r: string;
  h: string | null;
}

/** The recorded mark, or null when none was recorded in this file. */
export function readStoreMark(db: Database.Database): StoreMark | null {
  const exists = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'store_mark'`).get();
  if (!exists) return null;
  const row = db
    .prepare<[string], MarkRow>(`SELECT commit_position AS c, prepare_position AS p, stream_id AS s, revision AS r, hash AS h FROM store_mark WHERE name = ?`)
    .get(NAME);
  if (!row) return null;
  return { position: { commit: BigInt(row.c), prepare: BigInt(row.p) }, streamId: row.s, revision: BigInt(row.r), hash: row.h };
}

export function writeStoreMark(db: Database.Database, mark: StoreMark): void {
  db.exec(TABLE_DDL);
  db.prepare(
    `INSERT INTO store_mark (name, commit_position, prepare_position, stream_id, revision, hash) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET commit_position = excluded.commit_position, prepare_position = excluded.prepare_position,
       stream_id = excluded.stream_id, revision = excluded.revision, hash = excluded.hash`,
  ).run(NAME, mark.position.commit.toString(), mark.position.prepare.toString(), mark.streamId, mark.revision.toString(), mark.hash);
}

/**
 * The mark of the event stored at `position`, or null when it cannot be told cheaply. The last
 * event is read first (a projector that has caught up stands on it, on either adapter). The
 * embedded store numbers its events 1, 2, 3…, so there the event just after `position - 1` is the one.
 */
export async function markAt(store: EventStore, position: Position, positionsAreCounts: boolean): Promise<StoreMark | null> {
  const last = await storeFingerprint(store).catch(() => null);
  if (last && comparePositions(last.position, position) === 0) return last;
  if (!positionsAreCounts || position.commit < 1n) return null;
  const before = position.commit - 1n;
  const [event] = await store.readAll({ after: { commit: before, prepare: before }, maxCount: 1 });
  return event && comparePositions(event.position, position) === 0 ? markOf(event) : null;
}
