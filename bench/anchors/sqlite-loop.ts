import type Database from 'better-sqlite3';
import type { NewEvent } from '@duban/event-store';
import { openEventStoreDatabase } from '../harness/product';

/**
 * The S1/S2 anchor: a plain better-sqlite3 insert loop, one autocommit transaction per event.
 * The file is opened by the product's own openEventStoreDatabase, so schema, WAL and
 * synchronous=FULL are the product's by construction; the loop itself does nothing but insert.
 */
export class PlainInsertLoop {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, number, string, string, string, string]>;

  constructor(path: string) {
    this.db = openEventStoreDatabase({ path, synchronous: 'full', busyTimeoutMs: 5000 });
    this.insert = this.db.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
  }

  append(streamId: string, revision: number, event: NewEvent): void {
    this.insert.run(streamId, revision, event.metadata.eventId, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));
  }

  /** Several inserts in one transaction (one fsync): what SQLite itself allows at that batch size. */
  appendInOneCommit(rows: readonly { streamId: string; revision: number; event: NewEvent }[]): void {
    this.db.transaction(() => {
      for (const row of rows) this.append(row.streamId, row.revision, row.event);
    }).immediate();
  }

  pragmas(): string {
    const journal = String(this.db.pragma('journal_mode', { simple: true }));
    const sync = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(this.db.pragma('synchronous', { simple: true }))];
    return `journal_mode=${journal.toUpperCase()}, synchronous=${sync}`;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
