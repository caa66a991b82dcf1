import type Database from 'better-sqlite3';
import type { EventMetadata } from '@duban/domain';
import type { RecordedEvent } from '../port/event-store.port';
import { PRODUCT_STREAM_PREFIXES } from '../shared/product-streams';

const PRODUCT_PREFIXES_JSON = JSON.stringify(PRODUCT_STREAM_PREFIXES);

interface EventRow {
  position: bigint;
  stream_id: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
}

/** The end of a stream's chain: its last revision and that event's hash (null for an event written before hashing). */
export interface StreamTip {
  revision: bigint;
  hash: string | null;
  /** Hashed with the audit key: every later event of the stream must be too. */
  keyed: boolean;
}

export interface StoredEventRef {
  streamId: string;
  revision: bigint;
  position: bigint;
}

/** SQLite's largest integer: "no upper bound" for a position range. */
export const MAX_POSITION = 9223372036854775807n;

const COLUMNS = 'position, stream_id, revision, type, data, metadata';

/** Every statement the store runs, prepared once. Integers come back as bigint (safeIntegers). */
export class SqliteStatements {
  private readonly lastRevisionStmt;
  private readonly tipStmt;
  private readonly lastEventStmt;
  private readonly findEventStmt;
  private readonly insertStmt;
  private readonly readStreamStmt;
  private readonly readRangeStmt;
  private readonly readRangeFilteredStmt;
  private readonly headStmt;
  private readonly streamIdsStmt;
  private readonly countStmt;
  private readonly dataVersionStmt;

  constructor(db: Database.Database) {
    this.lastRevisionStmt = db
      .prepare<[string], { revision: bigint }>('SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
      .safeIntegers(true);
    // The chain's tip in the same indexed lookup as the revision: the append needs both.
    this.tipStmt = db
      .prepare<[string], { revision: bigint; hash: unknown; scheme: unknown }>(
        "SELECT revision, json_extract(metadata, '$.hash') AS hash, json_extract(metadata, '$.hashScheme') AS scheme FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1",
      )
      .safeIntegers(true);
    this.lastEventStmt = db.prepare<[], EventRow>(`SELECT ${COLUMNS} FROM events ORDER BY position DESC LIMIT 1`).safeIntegers(true);
    this.findEventStmt = db
      .prepare<[string], { stream_id: string; revision: bigint; position: bigint }>(
        'SELECT stream_id, revision, position FROM events WHERE event_id = ?',
      )
      .safeIntegers(true);
    this.insertStmt = db
      .prepare<[string, bigint, string, string, string, string]>(
        'INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .safeIntegers(true);
    this.readStreamStmt = db
      .prepare<[string, bigint, number], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .safeIntegers(true);
    this.readRangeStmt = db
      .prepare<[bigint, bigint, number], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
      )
      .safeIntegers(true);
    // One statement for any number of prefixes: they come in as a JSON array.
    this.readRangeFilteredStmt = db
      .prepare<[bigint, bigint, string, number], EventRow>(
        `SELECT ${COLUMNS} FROM events e
          WHERE position > ? AND position <= ?
            AND EXISTS (SELECT 1 FROM json_each(?) p WHERE substr(e.stream_id, 1, length(p.value)) = p.value)
          ORDER BY position LIMIT ?`,
      )
      .safeIntegers(true);
    // The product's streams only, as EventStoreDB's headPosition counts them; walks back from the
    // newest event and stops at the first match (in practice the newest event itself).
    this.headStmt = db
      .prepare<[string], { head: bigint }>(
        `SELECT position AS head FROM events e
          WHERE EXISTS (SELECT 1 FROM json_each(?) p WHERE substr(e.stream_id, 1, length(p.value)) = p.value)
          ORDER BY position DESC LIMIT 1`,
      )
      .safeIntegers(true);
    this.streamIdsStmt = db
      .prepare<[string, string], string>('SELECT DISTINCT stream_id FROM events WHERE stream_id >= ? AND stream_id < ? ORDER BY stream_id')
      .pluck();
    this.countStmt = db.prepare<[], { n: bigint }>('SELECT COUNT(*) AS n FROM events').safeIntegers(true);
    this.dataVersionStmt = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** -1n when the stream does not exist. */
  lastRevision(streamId: string): bigint {
    return this.lastRevisionStmt.get(streamId)?.revision ?? -1n;
  }

  /** null when the stream does not exist. */
  tip(streamId: string): StreamTip | null {
    const row = this.tipStmt.get(streamId);
    if (!row) return null;
    // Any scheme mark counts as keyed here: an unknown one must not open the stream to unkeyed events.
    return { revision: row.revision, hash: typeof row.hash === 'string' ? row.hash : null, keyed: row.scheme !== null && row.scheme !== undefined };
  }

  /** Changes exactly when another connection has committed to the file since this one last asked. */
  dataVersion(): number {
    return Number(this.dataVersionStmt.get());
  }

  lastEvent(): RecordedEvent | null {
    const row = this.lastEventStmt.get();
    return row ? toRecordedEvent(row) : null;
  }

  findEvent(eventId: string): StoredEventRef | undefined {
    const row = this.findEventStmt.get(eventId);
    return row && { streamId: row.stream_id, revision: row.revision, position: row.position };
  }

  /** Returns the new event's position. */
  insert(streamId: string, revision: bigint, eventId: string, type: string, data: string, metadata: string): bigint {
    return BigInt(this.insertStmt.run(streamId, revision, eventId, type, data, metadata).lastInsertRowid);
  }

  readStream(streamId: string, fromRevision: bigint, maxCount: number): RecordedEvent[] {
    return this.readStreamStmt.all(streamId, fromRevision, maxCount).map(toRecordedEvent);
  }

  /** The ids of the streams whose id starts with `prefix` (not empty), in order. */
  streamIdsWithPrefix(prefix: string): string[] {
    const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    return this.streamIdsStmt.all(prefix, end);
  }

  /** Events with `after < position <= upTo`, in order, optionally only from streams with these prefixes. */
  readRange(after: bigint, upTo: bigint, maxCount: number, prefixes?: readonly string[]): RecordedEvent[] {
    const rows =
      prefixes === undefined
        ? this.readRangeStmt.all(after, upTo, maxCount)
        : this.readRangeFilteredStmt.all(after, upTo, JSON.stringify(prefixes), maxCount);
    return rows.map(toRecordedEvent);
  }

  /** -1n when the store is empty. */
  head(): bigint {
    return this.headStmt.get(PRODUCT_PREFIXES_JSON)?.head ?? -1n;
  }

  count(): number {
    return Number(this.countStmt.get()?.n ?? 0n);
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: { commit: row.position, prepare: row.position },
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  };
}
