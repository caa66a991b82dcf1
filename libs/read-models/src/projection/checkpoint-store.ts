import Database, { type Statement } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { Position } from '@duban/event-store';
import type { ReadModelDatabase } from '../schema/open-read-model';

export interface StoredCheckpoint {
  position: Position;
  eventsApplied: number;
}

const NAME = 'read-models';

/** The read model's place in the store's global order, saved in the same transaction as the rows. */
export class CheckpointStore {
  private readonly saveStmt: Statement;
  private readonly loadStmt: Statement<[string], { c: string; p: string; n: number }>;

  constructor(db: ReadModelDatabase) {
    this.saveStmt = db.prepare(`
      INSERT INTO checkpoints (name, commit_position, prepare_position, events_applied) VALUES (?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET commit_position = excluded.commit_position,
        prepare_position = excluded.prepare_position, events_applied = excluded.events_applied`);
    this.loadStmt = db.prepare(
      `SELECT commit_position AS c, prepare_position AS p, events_applied AS n FROM checkpoints WHERE name = ?`,
    );
  }

  save(position: Position, eventsApplied: number): void {
    this.saveStmt.run(NAME, position.commit.toString(), position.prepare.toString(), eventsApplied);
  }

  load(): StoredCheckpoint | null {
    const row = this.loadStmt.get(NAME);
    if (!row) return null;
    return { position: { commit: BigInt(row.c), prepare: BigInt(row.p) }, eventsApplied: row.n };
  }
}

/**
 * Which event store the read model was built from ("sqlite", "eventstoredb", "eventstoredb:<namespace>"),
 * beside the checkpoint. A checkpoint means nothing in another store: the embedded store's is an
 * event count, EventStoreDB's a byte offset, so a read model carried over a switch of stores would
 * read from a wrong place ("invalid position", or events skipped or applied twice). Its own small
 * table, created when first written, so the schema version stays as it is; a file without it
 * (built before it existed) has no recorded identity.
 */
const STORE_IDENTITY_DDL = `CREATE TABLE IF NOT EXISTS store_identity (name TEXT PRIMARY KEY, identity TEXT NOT NULL)`;

export function readModelStoreIdentity(db: ReadModelDatabase): string | null {
  const exists = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'store_identity'`).get();
  if (!exists) return null;
  const row = db.prepare<[string], { identity: string }>(`SELECT identity FROM store_identity WHERE name = ?`).get(NAME);
  return row?.identity ?? null;
}

export function recordReadModelStoreIdentity(db: ReadModelDatabase, identity: string): void {
  db.exec(STORE_IDENTITY_DDL);
  db.prepare(`INSERT INTO store_identity (name, identity) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET identity = excluded.identity`).run(NAME, identity);
}

/** The identity recorded in the read-model file at `path`, or null (no file, or none recorded). */
export function readModelStoreIdentityAt(path: string): string | null {
  if (!existsSync(path)) return null;
  const db = new Database(path, { fileMustExist: true });
  try {
    return readModelStoreIdentity(db);
  } finally {
    db.close();
  }
}

/** Records `identity` in the read-model file at `path`, when the file exists. */
export function recordReadModelStoreIdentityAt(path: string, identity: string): void {
  if (!existsSync(path)) return;
  const db = new Database(path, { fileMustExist: true });
  try {
    recordReadModelStoreIdentity(db, identity);
  } finally {
    db.close();
  }
}
