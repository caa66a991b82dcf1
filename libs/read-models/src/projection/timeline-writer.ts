import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../schema/open-read-model';

/** Rows per INSERT: one statement for many rows saves most of the per-call cost in a rebuild. */
const CHUNK = 64;
const COLUMNS = 6;
const INSERT = `INSERT INTO timeline (suggestion_id, revision, type, occurred_at, actor_json, data_json) VALUES `;

/** Appends timeline rows, held back in chunks; flushPending() must run before the commit. */
export class TimelineWriter {
  private readonly insertOne: Statement;
  private readonly insertChunk: Statement;
  private pending: (string | number)[] = [];

  constructor(db: ReadModelDatabase) {
    this.insertOne = db.prepare(`${INSERT}(?, ?, ?, ?, ?, ?)`);
    this.insertChunk = db.prepare(INSERT + Array.from({ length: CHUNK }, () => '(?, ?, ?, ?, ?, ?)').join(', '));
  }

  append(suggestionId: string, revision: number, type: string, occurredAt: string, actorJson: string, dataJson: string): void {
    const pending = this.pending;
    pending.push(suggestionId, revision, type, occurredAt, actorJson, dataJson);
    if (pending.length === CHUNK * COLUMNS) {
      this.insertChunk.run(pending);
      this.pending = [];
    }
  }

  /** Writes the rows held back. Must run inside the transaction that commits them. */
  flushPending(): void {
    const pending = this.pending;
    for (let i = 0; i < pending.length; i += COLUMNS) this.insertOne.run(pending.slice(i, i + COLUMNS));
    this.pending = [];
  }

  /** After a rollback: the rows held back belong to the failed batch. */
  discardPending(): void {
    this.pending = [];
  }
}
