import type { EventStore } from '@duban/event-store';
import { READ_MODEL_STREAM_PREFIXES, type Projector } from '@duban/read-models';

export interface ProjectorLag {
  /** Events waiting, counted; at most COUNTED_UP_TO (then `eventsCapped`). */
  events: number;
  /** True when more events wait than were counted: `events` is a lower bound. */
  eventsCapped: boolean;
  seconds: number;
  running: boolean;
}

/** Waiting events are counted page by page up to this many, then reported as "at least". */
export const COUNTED_UP_TO = 10_000;
const PAGE = 1_000;

/**
 * How far the read model trails the store: the events it has yet to apply (read, so events of
 * streams it does not follow never count) and how long the oldest of them has been waiting.
 * Counted, never estimated from positions: EventStoreDB's positions are byte offsets, and a
 * difference of them is no number of events.
 */
export async function measureProjectorLag(store: EventStore, projector: Projector, nowMs: number): Promise<ProjectorLag> {
  const status = projector.status();
  let after = status.checkpoint ?? undefined;
  let events = 0;
  let oldest: string | undefined;
  let eventsCapped = false;
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE, streamPrefixes: [...READ_MODEL_STREAM_PREFIXES] });
    oldest ??= page[0]?.metadata.occurredAt;
    events += page.length;
    if (page.length < PAGE) break;
    if (events >= COUNTED_UP_TO) {
      eventsCapped = true;
      break;
    }
    after = page[page.length - 1]!.position;
  }
  const seconds = oldest === undefined ? 0 : Math.max(0, (nowMs - Date.parse(oldest)) / 1000);
  return { events, eventsCapped, seconds, running: status.running && status.error === null };
}
