import { SUGGESTION_STREAM_PREFIX, UNIT_STREAM_PREFIX, USER_STREAM_PREFIX } from '@duban/domain';

/** Streams this product writes. An EventStoreDB server also holds system and foreign streams. */
export const PRODUCT_STREAM_PREFIXES: readonly string[] = [
  SUGGESTION_STREAM_PREFIX,
  USER_STREAM_PREFIX,
  UNIT_STREAM_PREFIX,
  'group-',
];

/** EventStoreDB's own streams and event types start with `$` ($stats, $settings, $>, metadata…). */
export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

export function matchesPrefixes(streamId: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => streamId.startsWith(prefix));
}
