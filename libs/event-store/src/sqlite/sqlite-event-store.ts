import type Database from 'better-sqlite3';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  ScanAllOptions,
  ScanStreamsOptions,
  SubscribeOptions,
  Subscription,
} from '../port/event-store.port';
import { toChainable } from '../audit/audit-hash';
import type { AuditKey } from '../audit/audit-key';
import type { AppendRequest } from './append-one';
import { batchRunner } from './batch-runner';
import { GroupCommit, type BatchOutcome } from './group-commit';
import { readAllPages } from '../port/read-all-pages';
import { PollingSubscription } from './polling-subscription';
import { ReadAheadScan } from './read-ahead-scan';
import { openEventStoreDatabase, type SqliteSynchronous } from './sqlite-database';
import { MAX_POSITION, SqliteStatements } from './sqlite-statements';
import { StreamTips } from './stream-tips';
import { toStoreWriteError } from './sqlite-write-errors';

export interface SqliteEventStoreOptions {
  /** The database file; its folder is created if missing. */
  path: string;
  /** Default `full`: an acknowledged append survives a power cut. */
  synchronous?: SqliteSynchronous;
  /** How long one attempt waits for another process's write lock. Default 5000. */
  busyTimeoutMs?: number;
  /** How long a locked file is retried before an append fails. Default 60000. */
  lockRetryForMs?: number;
  /** Poll interval of subscriptions, to see writes by other processes. Default 500. */
  pollIntervalMs?: number;
  /** Most appends committed in one transaction. Default 1000. */
  maxBatchSize?: number;
  /** New events are hashed with HMAC-SHA256 under this key (see audit/audit-hash.ts); without it, plain sha256. */
  auditKey?: AuditKey;
}

/** Fired after every committed batch with the store's new last position. */
export type AppendedListener = (head: Position) => void;

const DEFAULT_READ_ALL_PAGE = 1000;
const SUBSCRIPTION_PAGE = 500;
/** Pages a scan's thread reads before the caller has taken them. */
const SCAN_PAGES_AHEAD = 2;

/**
 * The embedded event store: one SQLite file in WAL mode. The global sequence (rowid) is the
 * position, so commit order and position order are the same thing and a reader can never see
 * a later position before an earlier one. Appends are group-committed (see GroupCommit).
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: SqliteStatements;
  private readonly commits: GroupCommit<AppendRequest, AppendResult>;
  private readonly runBatch: (batch: AppendRequest[]) => BatchOutcome<AppendResult>[];
  private readonly listeners = new Set<AppendedListener>();
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly scans = new Set<ReadAheadScan>();
  private readonly pollIntervalMs: number;
  private closed = false;

  constructor(readonly options: SqliteEventStoreOptions) {
    this.db = openEventStoreDatabase({
      path: options.path,
      synchronous: options.synchronous ?? 'full',
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    });
    this.statements = new SqliteStatements(this.db);
    this.pollIntervalMs = options.pollIntervalMs ?? 500;

    this.runBatch = batchRunner(this.db, this.statements, new StreamTips(this.statements), options.auditKey ?? null);

    this.commits = new GroupCommit<AppendRequest, AppendResult>({
      commit: (batch) => this.runBatch(batch),
      isRetryable: isBusyError,
      maxBatchSize: options.maxBatchSize ?? 1000,
      retryForMs: options.lockRetryForMs ?? 60_000,
      afterCommit: () => this.notifyAppended(),
    });
  }

  appendToStream(streamId: string, events: NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('event store is closed'));
    const problem = validateEvents(events);
    if (problem) return Promise.reject(new Error(`appendToStream(${streamId}): ${problem}`));
    let chainable;
    try {
      // Serialised here, outside the write transaction that batches everyone's appends.
      chainable = events.map((event) => toChainable(event, this.options.auditKey));
    } catch (error) {
      return Promise.reject(new Error(`appendToStream(${streamId}): ${error instanceof Error ? error.message : String(error)}`));
    }
    return this.commits
      .submit({ streamId, events, chainable, expectedRevision: options?.expectedRevision ?? 'any' })
      .catch((error: unknown) => Promise.reject(toStoreWriteError(error)));
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const maxCount = options?.maxCount ?? -1; // LIMIT -1 = no limit
    if (maxCount === 0) return [];
    return this.statements.readStream(streamId, options?.fromRevision ?? 0n, maxCount);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const maxCount = options?.maxCount ?? DEFAULT_READ_ALL_PAGE;
    if (maxCount <= 0) return [];
    return this.statements.readRange(options?.after?.commit ?? -1n, MAX_POSITION, maxCount, options?.streamPrefixes);
  }

  /**
   * The pages readAll would return one after another, read ahead by a thread with its own
   * read-only connection (see ReadAheadScan).
   * An in-memory store, which no other connection can see, is paged on this thread.
   */
  scanAll(options?: ScanAllOptions): AsyncIterable<RecordedEvent[]> {
    this.assertOpen();
    const pageSize = options?.pageSize ?? DEFAULT_READ_ALL_PAGE;
    const after = options?.after?.commit ?? -1n;
    if (this.options.path === ':memory:' || pageSize <= 0) return readAllPages(this, { ...options, pageSize });
    const scan: ReadAheadScan = new ReadAheadScan(
      {
        path: this.options.path,
        busyTimeoutMs: this.options.busyTimeoutMs ?? 5000,
        after,
        pageSize,
        ...(options?.streamPrefixes ? { streamPrefixes: options.streamPrefixes } : {}),
        ahead: SCAN_PAGES_AHEAD,
      },
      () => this.scans.delete(scan),
    );
    this.scans.add(scan);
    return scan;
  }

  /**
   * The streams with a prefix, stream by stream off the (stream_id, revision) index, read ahead by
   * a thread as scanAll is. An in-memory store is read on this thread, one stream at a time.
   */
  scanStreams(options: ScanStreamsOptions): AsyncIterable<RecordedEvent[]> {
    this.assertOpen();
    if (options.streamPrefix === '') throw new Error('scanStreams: the stream prefix must not be empty');
    const pageSize = options.pageSize ?? DEFAULT_READ_ALL_PAGE;
    if (this.options.path === ':memory:') return this.streamsOnThisThread(options.streamPrefix, options.upTo.commit);
    const scan: ReadAheadScan = new ReadAheadScan(
      {
        path: this.options.path,
        busyTimeoutMs: this.options.busyTimeoutMs ?? 5000,
        after: -1n,
        pageSize: Math.max(1, pageSize),
        ahead: SCAN_PAGES_AHEAD,
        streams: { prefix: options.streamPrefix, upTo: options.upTo.commit },
      },
      () => this.scans.delete(scan),
    );
    this.scans.add(scan);
    return scan;
  }

  private async *streamsOnThisThread(prefix: string, upTo: bigint): AsyncGenerator<RecordedEvent[]> {
    for (const streamId of this.statements.streamIdsWithPrefix(prefix)) {
      const events = this.statements.readStream(streamId, 0n, -1).filter((e) => e.position.commit <= upTo);
      if (events.length > 0) yield events;
    }
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    this.assertOpen();
    const prefixes = options?.streamPrefixes;
    const subscription: PollingSubscription = new PollingSubscription(
      {
        readPage: (after, maxCount) => {
          // Bound the page by the head read first: every position up to it is committed, so
          // the next page can safely start there even if the filter returned nothing.
          const head = this.statements.head();
          const events = this.statements.readRange(after, head, maxCount, prefixes);
          const scannedTo = events.length === maxCount ? events[events.length - 1]!.position.commit : head;
          return { events, scannedTo: scannedTo > after ? scannedTo : after };
        },
        onAppended: (listener) => this.onAppended(() => listener()),
      },
      {
        after: options?.after?.commit ?? -1n,
        pageSize: SUBSCRIPTION_PAGE,
        pollIntervalMs: this.pollIntervalMs,
        onEnd: () => this.subscriptions.delete(subscription),
      },
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | null> {
    this.assertOpen();
    const head = this.statements.head();
    return head < 0n ? null : { commit: head, prepare: head };
  }

  /** The last event in the global order, or null when the store is empty. */
  async lastEvent(): Promise<RecordedEvent | null> {
    this.assertOpen();
    return this.statements.lastEvent();
  }

  /** Wakes an in-process projector after each commit; returns the function that stops it. */
  onAppended(listener: AppendedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async countEvents(): Promise<number> {
    this.assertOpen();
    return this.statements.count();
  }

  /** Group-commit counters: how many transactions carried how many appends. */
  commitStats(): { transactions: number; appends: number } {
    const { transactions, requests } = this.commits.stats();
    return { transactions, appends: requests };
  }

  /** The durability settings actually in force on this connection. */
  pragmas(): { journalMode: string; synchronous: SqliteSynchronous | 'off' | 'extra'; busyTimeoutMs: number } {
    const level = Number(this.db.pragma('synchronous', { simple: true }));
    const synchronous = (['off', 'normal', 'full', 'extra'] as const)[level] ?? 'off';
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous,
      busyTimeoutMs: Number(this.db.pragma('busy_timeout', { simple: true })),
    };
  }

  /** Lets pending appends commit, ends subscriptions, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.commits.drain();
    await Promise.all([...this.subscriptions].map((s) => s.unsubscribe()));
    await Promise.all([...this.scans].map((s) => s.stop()));
    this.listeners.clear();
    this.db.close();
  }

  private notifyAppended(): void {
    if (this.listeners.size === 0) return;
    const head = this.statements.head();
    const position = { commit: head, prepare: head };
    for (const listener of this.listeners) {
      try {
        listener(position);
      } catch {
        // A listener's failure must not turn a committed append into a rejected one.
      }
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('event store is closed');
  }
}

function validateEvents(events: NewEvent[]): string | null {
  // Most appends carry one event: no set of ids to build for those.
  const seen = events.length > 1 ? new Set<string>() : null;
  for (const event of events) {
    const id = event.metadata?.eventId;
    if (typeof id !== 'string' || id === '') return 'every event needs metadata.eventId';
    if (seen?.has(id)) return `event id ${id} appears twice in one append`;
    seen?.add(id);
    if (typeof event.type !== 'string' || event.type === '') return 'every event needs a type';
  }
  return null;
}

function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}
