import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../../schema/open-read-model';

/** Rows per INSERT: a rebuild writes hundreds of thousands of notifications. */
const CHUNK = 64;
const COLUMNS = 6;
const INSERT = `INSERT INTO notifications (audience, suggestion_id, revision, occurred_at, kind, message) VALUES `;

/**
 * Appends notifications (held back in chunks) and keeps the count per audience,
 * added once per batch. flushPending() must run inside the transaction that commits them.
 */
export class NotificationWriter {
  private readonly insertOne: Statement;
  private readonly insertChunk: Statement;
  private readonly addCountStmt: Statement;
  private pending: (string | number)[] = [];
  private counts = new Map<string, number>();

  constructor(db: ReadModelDatabase) {
    this.insertOne = db.prepare(`${INSERT}(?, ?, ?, ?, ?, ?)`);
    this.insertChunk = db.prepare(INSERT + Array.from({ length: CHUNK }, () => '(?, ?, ?, ?, ?, ?)').join(', '));
    this.addCountStmt = db.prepare(
      `INSERT INTO notification_counts (audience, n) VALUES (?, ?) ON CONFLICT (audience) DO UPDATE SET n = n + excluded.n`,
    );
  }

  /** The notification caused by revision `revision` of the suggestion's stream (at `occurredAt`), for `audience`. */
  append(audience: string, suggestionId: string, revision: number, occurredAt: string, kind: string, message: string): void {
    const pending = this.pending;
    pending.push(audience, suggestionId, revision, occurredAt, kind, message);
    this.counts.set(audience, (this.counts.get(audience) ?? 0) + 1);
    if (pending.length === CHUNK * COLUMNS) {
      this.insertChunk.run(pending);
      this.pending = [];
    }
  }

  flushPending(): void {
    const pending = this.pending;
    for (let i = 0; i < pending.length; i += COLUMNS) this.insertOne.run(pending.slice(i, i + COLUMNS));
    this.pending = [];
    for (const [audience, n] of this.counts) this.addCountStmt.run(audience, n);
    this.counts = new Map();
  }

  discardPending(): void {
    this.pending = [];
    this.counts = new Map();
  }
}
