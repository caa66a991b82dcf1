import type { EventStore } from '@duban/event-store';
import { READ_MODEL_STREAM_PREFIXES, type Projector } from '@duban/read-models';

export interface ProjectorLag {
  events: number;
  seconds: number;
  running: boolean;
}

/** Beyond this many waiting events the count is estimated from positions instead of read. */
const COUNTED_UP_TO = 1000;

/**
 * How far the read model trails the store: the events it has yet to apply (read, so events of
 * streams it does not follow never count) and how long the oldest of them has been waiting.
 */
export async function measureProjectorLag(store: EventStore, projector: Projector, nowMs: number): Promise<ProjectorLag> {
  const status = projector.status();
  const pending = await store.readAll({
    after: status.checkpoint ?? undefined,
    maxCount: COUNTED_UP_TO,
    streamPrefixes: [...READ_MODEL_STREAM_PREFIXES],
  });
  let events = pending.length;
  if (events === COUNTED_UP_TO) {
    const head = await store.headPosition();
    const estimate = head === null ? 0 : Number(head.commit - (status.checkpoint?.commit ?? 0n));
    events = Math.max(events, estimate);
  }
  const oldest = pending[0];
  const seconds = oldest === undefined ? 0 : Math.max(0, (nowMs - Date.parse(oldest.metadata.occurredAt)) / 1000);
  return { events, seconds, running: status.running && status.error === null };
}
