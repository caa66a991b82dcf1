import type { ParkedStream } from '../operations/parked.types';
import type { Statement } from 'better-sqlite3';
import { formatPosition, type Position, type RecordedEvent } from '@duban/event-store';
import type { ReadModelDatabase } from '../schema/open-read-model';

/** Positions are decimal text (they may not fit a signed 64-bit integer): shorter is smaller. */
const POSITION_ORDER = 'length(commit_position), commit_position, length(prepare_position), prepare_position';

/**
 * The stream's first parked event (the one that failed): the earliest in the store's order, not the
 * lowest revision (a broken event may carry any revision). `?` is the stream id.
 */
const FIRST_REVISION_SQL = `SELECT revision FROM parked_events f WHERE f.stream_id = ? ORDER BY ${POSITION_ORDER.replace(/(\w+_position)/g, 'f.$1')} LIMIT 1`;

export type { ParkedStream } from '../operations/parked.types';

interface ParkedRow {
  stream_id: string;
  revision: number;
  commit_position: string;
  prepare_position: string;
  type: string;
  error: string;
  first_failed_at: string;
  attempts: number;
  events: number;
}

/**
 * The `parked_events` table and the set of parked streams. Parking is written inside the batch's
 * transaction: `commit()` after it committed makes the new streams count as parked, `rollback()`
 * after it failed forgets them.
 */
export class ParkedStreams {
  private readonly committed = new Set<string>();
  private readonly pending = new Set<string>();
  private readonly insertStmt: Statement;
  private readonly deleteStmt: Statement;
  private readonly attemptStmt: Statement;

  constructor(
    private readonly db: ReadModelDatabase,
    load: boolean,
  ) {
    this.insertStmt = db.prepare(`
      INSERT INTO parked_events (stream_id, revision, commit_position, prepare_position, type, error, first_failed_at, attempts)
      VALUES (?, ?, ?, ?, ?, ?, ?, 1)
      ON CONFLICT (stream_id, revision) DO UPDATE SET error = excluded.error, attempts = attempts + 1`);
    this.deleteStmt = db.prepare(`DELETE FROM parked_events WHERE stream_id = ?`);
    this.attemptStmt = db.prepare(`
      UPDATE parked_events SET attempts = attempts + 1, error = ?
      WHERE stream_id = ? AND revision = (${FIRST_REVISION_SQL})`);
    // A rebuild's writer-thread stand-in cannot read; its file is new and holds none anyway.
    if (load) {
      const rows = db.prepare(`SELECT DISTINCT stream_id FROM parked_events`).all() as { stream_id: string }[];
      for (const row of rows) this.committed.add(row.stream_id);
    }
  }

  /** True once anything is parked: only then do applied events have to be told from parked ones. */
  get active(): boolean {
    return this.committed.size > 0 || this.pending.size > 0;
  }

  get count(): number {
    return this.committed.size;
  }

  has(streamId: string): boolean {
    return this.committed.has(streamId) || this.pending.has(streamId);
  }

  /** Records the event as parked (inside the caller's transaction). */
  park(event: RecordedEvent, error: string, now: string): void {
    const { commit, prepare } = event.position;
    this.insertStmt.run(event.streamId, Number(event.revision), commit.toString(), prepare.toString(), event.type, error, now);
    this.pending.add(event.streamId);
  }

  /** The stream applies again (inside the caller's transaction; then `released()` after commit). */
  release(streamId: string): void {
    this.deleteStmt.run(streamId);
  }

  released(streamId: string): void {
    this.committed.delete(streamId);
  }

  /** A retry that failed again: counted on the stream's first parked event, with the latest error. */
  recordAttempt(streamId: string, error: string): void {
    this.attemptStmt.run(error, streamId, streamId);
  }

  commit(): void {
    for (const id of this.pending) this.committed.add(id);
    this.pending.clear();
  }

  rollback(): void {
    this.pending.clear();
  }

  /** Parked streams, longest parked first. */
  list(limit: number, offset = 0): ParkedStream[] {
    const rows = this.db
      .prepare(
        `SELECT p.stream_id, p.revision, p.commit_position, p.prepare_position, p.type, p.error, p.first_failed_at, p.attempts,
           (SELECT count(*) FROM parked_events q WHERE q.stream_id = p.stream_id) AS events
         FROM parked_events p
         WHERE p.revision = (${FIRST_REVISION_SQL.replace(/\?/g, 'p.stream_id')})
         ORDER BY p.first_failed_at, p.stream_id LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as ParkedRow[];
    return rows.map((row) => ({
      streamId: row.stream_id,
      revision: row.revision,
      position: formatPosition({ commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) }),
      type: row.type,
      error: row.error,
      since: row.first_failed_at,
      attempts: row.attempts,
      events: row.events,
    }));
  }

  /** The positions of a stream's first and last parked events, or null when it is not parked. */
  range(streamId: string): { first: Position; last: Position } | null {
    const rows = this.db
      .prepare(`SELECT commit_position AS c, prepare_position AS p FROM parked_events WHERE stream_id = ? ORDER BY ${POSITION_ORDER}`)
      .all(streamId) as { c: string; p: string }[];
    if (rows.length === 0) return null;
    const position = (row: { c: string; p: string }): Position => ({ commit: BigInt(row.c), prepare: BigInt(row.p) });
    return { first: position(rows[0]!), last: position(rows[rows.length - 1]!) };
  }
}
