import type { EventMetadata } from '@duban/domain';

/** Revisions count from 0 in every adapter; `no_stream` = must not exist, `stream_exists` = must exist. */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

/**
 * A place in the store's single global order. EventStoreDB has two numbers; the embedded store
 * uses its global sequence for both. Compare with comparePositions().
 */
export interface Position {
  commit: bigint;
  prepare: bigint;
}

export interface NewEvent {
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  streamId: string;
  /** Revision within the stream, from 0. */
  revision: bigint;
  /** Place in the global order ($all). */
  position: Position;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export interface AppendResult {
  /** Revision of the last appended event: the stream's new revision. */
  nextExpectedRevision: bigint;
  /** Position of the last appended event. */
  position: Position;
}

export interface ReadStreamOptions {
  /** Inclusive; default 0. */
  fromRevision?: bigint;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omit to read from the start. */
  after?: Position;
  /** Default 1000. */
  maxCount?: number;
  /** Only streams whose id starts with one of these prefixes (system events are never returned). */
  streamPrefixes?: string[];
}

export interface ScanAllOptions {
  /** Exclusive, as in readAll. Omit to scan from the start. */
  after?: Position;
  /** Events per page. Default 1000. */
  pageSize?: number;
  /** As in readAll. */
  streamPrefixes?: string[];
}

export interface ScanStreamsOptions {
  /** The streams whose id starts with this. */
  streamPrefix: string;
  /** Inclusive: later events are left out, so a scan that runs while others append reads a fixed history. */
  upTo: Position;
  /** Events per page (a page may end inside a stream). Default 1000. */
  pageSize?: number;
}

export interface SubscribeOptions {
  /** Exclusive, as in readAll. */
  after?: Position;
  streamPrefixes?: string[];
}

/** A live catch-up subscription: first everything after `after`, then new events as they come. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  unsubscribe(): Promise<void>;
}

/**
 * The port every adapter implements. One contract test suite (`testing/event-store.contract.ts`)
 * proves an adapter; an adapter is done when it passes.
 */
export interface EventStore {
  /**
   * Appends atomically. Throws WrongExpectedRevisionError when the stream's revision does not
   * match. Re-appending the same event ids at the same place is recognised and returns the first result.
   * Resolves only once the events are durable.
   */
  appendToStream(streamId: string, events: NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult>;
  /** A missing stream is an empty array, not an error. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** One page of the global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Optional: every event after `after` to the end of the store, page by page, in the global order:
   * the pages readAll would return one after another. A store may read the next pages ahead while
   * the caller works on one (the embedded store does, on a thread of its own). Stopping the
   * iteration early (break, throw) ends the scan. Without it, page with readAll.
   */
  scanAll?(options?: ScanAllOptions): AsyncIterable<RecordedEvent[]>;
  /**
   * Optional: every event of the streams with a prefix, up to a position, stream after stream in
   * stream id order, each stream's events in revision order (a rebuild then folds one stream at a
   * time and forgets it). Read ahead as scanAll is. Without it, a rebuild reads the global order.
   */
  scanStreams?(options: ScanStreamsOptions): AsyncIterable<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Position of the last event in the store, or null when empty. */
  headPosition(): Promise<Position | null>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
