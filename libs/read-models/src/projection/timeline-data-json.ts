import type { RecordedEvent } from '@duban/event-store';

/** A key JSON.parse would put first (an array index), so stringifying the parsed data would reorder it. */
const INDEX_LIKE_KEY = /"(?:0|[1-9][0-9]*)":/;

/**
 * The timeline's `data_json` of an event: JSON.stringify of its data, as the live projector has
 * always written it. When the read brought the stored text along (a rebuild's scan of the embedded
 * store), that text is the same string — the store writes canonical JSON (sorted keys, otherwise
 * exactly JSON.stringify's output), and parsing keeps that key order — except for keys that look
 * like array indexes, which JSON.parse moves to the front: for those the data is stringified.
 * So a rebuild writes byte for byte what the live projector writes, without serialising every
 * answer text again.
 */
export function timelineDataJson(event: RecordedEvent): string {
  const stored = event.dataJson;
  if (stored !== undefined && !INDEX_LIKE_KEY.test(stored)) return stored;
  return JSON.stringify(event.data ?? null);
}
