import { SESSION_STREAM_PREFIX, SUGGESTION_STREAM_PREFIX, UNIT_STREAM_PREFIX, USER_STREAM_PREFIX } from '@duban/domain';

/**
 * Streams this product writes. An EventStoreDB server also holds system and foreign streams.
 * Both adapters' headPosition counts exactly these, so a position the api handed out (a read
 * mark's `inbox-` event included) is never "beyond the head" on one store and fine on the other.
 */
export const PRODUCT_STREAM_PREFIXES: readonly string[] = [
  SUGGESTION_STREAM_PREFIX,
  USER_STREAM_PREFIX,
  UNIT_STREAM_PREFIX,
  'group-',
  // Read marks (libs/read-models' INBOX_STREAM_PREFIX; that library depends on this one, not back).
  'inbox-',
  // Sessions (届次/会次), their number counters (apps/api sessions/numbering), delegations (代表团).
  SESSION_STREAM_PREFIX,
  'numbering-',
  'delegation-',
];

/** EventStoreDB's own streams and event types start with `$` ($stats, $settings, $>, metadata…). */
export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

export function matchesPrefixes(streamId: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => streamId.startsWith(prefix));
}
