import type { EventStoreConfig, Position } from '@duban/event-store';

/**
 * What the store's head position counts. The embedded store numbers its events one after another
 * (a sequence); EventStoreDB's position is a byte offset in its transaction log, which grows by
 * the size of each event. Dashboards must not read the latter as a number of events, so the gauge
 * carries the unit as a label. Events are counted where it is cheap: the projector lag gauge.
 */
export type StoreHeadUnit = 'sequence' | 'byte_offset';

export function storeHeadUnit(kind: EventStoreConfig['kind']): StoreHeadUnit {
  return kind === 'sqlite' ? 'sequence' : 'byte_offset';
}

/** The gauge's value: the head's commit position, 0 for an empty store. */
export function storeHeadValue(head: Position | null): number {
  return head === null ? 0 : Number(head.commit);
}
