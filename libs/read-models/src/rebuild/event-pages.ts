import { readAllPages, type EventStore, type Position, type RecordedEvent } from '@duban/event-store';

export interface EventPagesOptions {
  /** Exclusive; omit to start at the first event. */
  after?: Position;
  pageSize: number;
  streamPrefixes: string[];
}

/**
 * Every event after `after` to the end of the store, a page at a time, in the global order.
 * Through the store's own scan when it has one (the embedded store reads the next pages on a
 * thread of its own while this one applies the current page), else by paging readAll.
 */
export function eventPages(store: EventStore, options: EventPagesOptions): AsyncIterable<RecordedEvent[]> {
  return store.scanAll ? store.scanAll(options) : readAllPages(store, options);
}
