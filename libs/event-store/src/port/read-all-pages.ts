import type { EventStore, RecordedEvent, ScanAllOptions } from './event-store.port';

/**
 * The pages `readAll` returns one after another, from `after` (exclusive) to the end of the store:
 * what scanAll gives, for any store, on the caller's thread (no read-ahead).
 */
export async function* readAllPages(store: Pick<EventStore, 'readAll'>, options: ScanAllOptions = {}): AsyncGenerator<RecordedEvent[]> {
  const pageSize = options.pageSize ?? 1000;
  if (pageSize <= 0) return;
  let after = options.after;
  for (;;) {
    const page = await store.readAll({
      ...(after ? { after } : {}),
      maxCount: pageSize,
      ...(options.streamPrefixes ? { streamPrefixes: options.streamPrefixes } : {}),
    });
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.position;
  }
}
