import type { EventStore, Position } from '../port/event-store.port';
import type { ChainBreak } from './chain-break';
import { ChainVerifier } from './chain-verifier';

export interface StoreAuditReport {
  ok: boolean;
  events: number;
  streams: number;
  /** The first break of each broken stream, in the order they were found. */
  broken: ChainBreak[];
}

export interface VerifyStoreOptions {
  /** Events read per page. Default 2000. */
  pageSize?: number;
  /** Only these streams (default: what the store's readAll returns by default). */
  streamPrefixes?: string[];
  signal?: AbortSignal;
}

export type AuditProgress = (progress: { checked: number; brokenStreams: number }) => void;

/**
 * Verifies every stream's chain in one pass over the global order, keeping only each stream's
 * last hash in memory. A missing last event of a stream cannot be seen this way (nothing points
 * at it); storeFingerprint() kept elsewhere is what catches a shortened store.
 */
export async function verifyStore(store: EventStore, onProgress?: AuditProgress, options: VerifyStoreOptions = {}): Promise<StoreAuditReport> {
  const verifier = new ChainVerifier();
  const pageSize = options.pageSize ?? 2000;
  let after: Position | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await store.readAll({ after, maxCount: pageSize, streamPrefixes: options.streamPrefixes });
    if (page.length === 0) break;
    for (const event of page) verifier.check(event);
    after = page[page.length - 1]!.position;
    onProgress?.({ checked: verifier.events, brokenStreams: verifier.breaks.length });
  }
  return { ok: verifier.breaks.length === 0, events: verifier.events, streams: verifier.streams, broken: verifier.breaks };
}
