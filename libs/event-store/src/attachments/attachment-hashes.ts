import type { EventStore } from '../port/event-store.port';
import { readAllPages } from '../port/read-all-pages';

/**
 * The sha256 of every file the events name as still part of the record: added and not discarded.
 * Read from the events themselves (this library knows no domain types, only the stored shape).
 */
export async function attachmentHashesInStore(store: Pick<EventStore, 'readAll'>): Promise<Set<string>> {
  const live = new Map<string, string>();
  for await (const page of readAllPages(store, { streamPrefixes: ['suggestion-'] })) {
    for (const event of page) {
      const data = event.data as { attachmentId?: unknown; sha256?: unknown };
      if (event.type === 'AttachmentAdded' && typeof data.attachmentId === 'string' && typeof data.sha256 === 'string') {
        live.set(data.attachmentId, data.sha256);
      } else if (event.type === 'AttachmentDiscarded' && typeof data.attachmentId === 'string') {
        live.delete(data.attachmentId);
      }
    }
  }
  return new Set(live.values());
}
