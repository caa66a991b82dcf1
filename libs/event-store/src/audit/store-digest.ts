import { hash as oneShotHash } from 'node:crypto';
import type { RecordedEvent } from '../port/event-store.port';
import { GENESIS_HASH } from './audit-hash';

/** The digest of an empty store. */
export const EMPTY_STORE_DIGEST = GENESIS_HASH;

/**
 * A running sha256 over the store's global order: each step covers the previous digest and the
 * event's stream, revision and hash. Unlike the streams' chains, which only order each stream, it
 * changes when events of different streams swap places, when one is inserted anywhere before
 * the sealed head, or removed. It covers no position numbers, so a store migrated in order
 * (positions renumbered) keeps the same digest.
 */
export function nextStoreDigest(previous: string, event: Pick<RecordedEvent, 'streamId' | 'revision' | 'metadata'>): string {
  const hash = typeof event.metadata.hash === 'string' ? event.metadata.hash : null;
  return oneShotHash('sha256', `[${JSON.stringify(previous)},${JSON.stringify(event.streamId)},"${event.revision}",${JSON.stringify(hash)}]`, 'hex');
}
