import type { Stamped } from '@duban/domain';
import type { RecordedEvent } from '@duban/event-store';

/** A stored event as evolve() sees it: type and data, plus when and by whom from its metadata. */
export function stamp<E extends { type: string; data: unknown }>(event: RecordedEvent): Stamped<E> {
  return { type: event.type, data: event.data, at: event.metadata.occurredAt, by: event.metadata.actor } as Stamped<E>;
}
