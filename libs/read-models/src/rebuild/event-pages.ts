import type { EventStore, Position, RecordedEvent } from '@duban/event-store';

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
  if (store.scanAll) return store.scanAll(options);
  return readAllPages(store, options);
}

async function* readAllPages(store: EventStore, options: EventPagesOptions): AsyncGenerator<RecordedEvent[]> {
  let after = options.after;
  for (;;) {
    const page = await store.readAll({ ...(after ? { after } : {}), maxCount: options.pageSize, streamPrefixes: options.streamPrefixes });
    if (page.length > 0) yield page;
    if (page.length < options.pageSize) return;
    after = page[page.length - 1]!.position;
  }
}
