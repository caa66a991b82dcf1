import type { Position } from '@duban/event-store';
import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../../schema/open-read-model';

/** Rows per INSERT: a rebuild writes hundreds of thousands of notifications. */
const CHUNK = 64;
const COLUMNS = 7;
const insertInto = (table: string): string => `INSERT INTO ${table} (seq, audience, suggestion_id, revision, occurred_at, kind, message) VALUES `;

/**
 * A table notifications may be written to first, in any order of seq, and copied into
 * `notifications` in seq order at the end (a rebuild that applies events stream by stream: rows
 * appended in order cost far less than rows put between others).
 */
export const NOTIFICATIONS_STAGING_DDL = (table: string): string => `CREATE TABLE ${table} (
  seq INTEGER NOT NULL,
  audience TEXT NOT NULL,
  suggestion_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  occurred_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  message TEXT NOT NULL
)`;

/** Copies a staging table's notifications into `notifications`, in seq order. */
export const COPY_STAGED_NOTIFICATIONS_SQL = (table: string): string =>
  `INSERT INTO main.notifications (seq, audience, suggestion_id, revision, occurred_at, kind, message)
   SELECT seq, audience, suggestion_id, revision, occurred_at, kind, message FROM ${table} ORDER BY seq`;

/** Notifications one event may cause (one per audience): far more than any event has. */
export const NOTIFICATIONS_PER_EVENT = 1024;
/** Commit positions up to this keep commit × 1024 + index a safe JS integer. */
const SAFE_COMMIT = 2n ** 43n;

/**
 * A notification's sequence number: the causing event's place in the global order, then its place
 * among that event's notifications. So the inbox order (time, then seq) is the store's order
 * whatever order the events were applied in: a rebuild may fold the suggestions stream by stream
 * and still write exactly the live projector's rows, and a released parked stream's notifications
 * take their place in history.
 */
export function notificationSeq(position: Position, index: number): number | bigint {
  if (!Number.isInteger(index) || index < 0 || index >= NOTIFICATIONS_PER_EVENT) {
    throw new Error(`an event causes at most ${NOTIFICATIONS_PER_EVENT} notifications, got index ${index}`);
  }
  const commit = position.commit;
  return commit < SAFE_COMMIT ? Number(commit) * NOTIFICATIONS_PER_EVENT + index : commit * BigInt(NOTIFICATIONS_PER_EVENT) + BigInt(index);
}

/**
 * Appends notifications (held back in chunks; seq from the causing event, see notificationSeq) and keeps the count per audience,
 * added once per batch. flushPending() must run inside the transaction that commits them.
 */
export class NotificationWriter {
  private readonly insertOne: Statement;
  private readonly insertChunk: Statement;
  private readonly addCountStmt: Statement;
  private pending: (string | number | bigint)[] = [];
  private counts = new Map<string, number>();

  /** `table`: where the rows go (default `notifications`; a staging table, see NOTIFICATIONS_STAGING_DDL). */
  constructor(db: ReadModelDatabase, table = 'notifications') {
    const INSERT = insertInto(table);
    this.insertOne = db.prepare(`${INSERT}(?, ?, ?, ?, ?, ?, ?)`);
    this.insertChunk = db.prepare(INSERT + Array.from({ length: CHUNK }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', '));
    this.addCountStmt = db.prepare(
      `INSERT INTO notification_counts (audience, n) VALUES (?, ?) ON CONFLICT (audience) DO UPDATE SET n = n + excluded.n`,
    );
  }

  /**
   * The `index`th notification caused by revision `revision` of the suggestion's stream (at `position`
   * in the store, at `occurredAt`), for `audience`.
   */
  append(position: Position, index: number, audience: string, suggestionId: string, revision: number, occurredAt: string, kind: string, message: string): void {
    const pending = this.pending;
    pending.push(notificationSeq(position, index), audience, suggestionId, revision, occurredAt, kind, message);
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
