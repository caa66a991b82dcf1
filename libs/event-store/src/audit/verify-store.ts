import type { EventStore, Position } from '../port/event-store.port';
import type { AuditKey } from './audit-key';
import type { AuditSeal } from './audit-seal';
import type { ChainBreak } from './chain-break';
import { ChainVerifier } from './chain-verifier';
import { SealCheck, type SealFinding } from './seal-check';

export interface StoreAuditReport {
  ok: boolean;
  events: number;
  streams: number;
  /** The first break of each broken stream, in the order they were found. */
  broken: ChainBreak[];
  /** Keyed events whose own hash could not be checked (no key given); absent when none. */
  keyedUnchecked?: number;
  /** What differs from the seal, when one was given; empty = the store still holds everything sealed, unchanged. */
  sealFindings?: SealFinding[];
}

export interface VerifyStoreOptions {
  /** Events read per page. Default 2000. */
  pageSize?: number;
  /** Only these streams (default: what the store's readAll returns by default). */
  streamPrefixes?: string[];
  signal?: AbortSignal;
  /** The audit key: without it, keyed events are checked for their place in the chain only. */
  auditKey?: AuditKey | null;
  /** A seal whose signature the caller has checked: the store must still hold what it sealed. */
  seal?: AuditSeal;
}

export type AuditProgress = (progress: { checked: number; brokenStreams: number }) => void;

/**
 * Verifies every stream's chain in one pass over the global order, keeping only each stream's
 * last hash in memory. A missing last event of a stream cannot be seen by the chains (nothing
 * points at it): a seal can (see SealCheck), for everything up to the moment it was taken.
 */
export async function verifyStore(store: EventStore, onProgress?: AuditProgress, options: VerifyStoreOptions = {}): Promise<StoreAuditReport> {
  // A subset of the streams is not the whole global order: the store-wide scheme rule needs all of it.
  const verifier = new ChainVerifier({ key: options.auditKey, wholeStore: options.streamPrefixes === undefined });
  const sealCheck = options.seal ? new SealCheck(options.seal) : null;
  const pageSize = options.pageSize ?? 2000;
  let after: Position | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await store.readAll({ after, maxCount: pageSize, streamPrefixes: options.streamPrefixes });
    if (page.length === 0) break;
    for (const event of page) {
      verifier.check(event);
      sealCheck?.check(event);
    }
    after = page[page.length - 1]!.position;
    onProgress?.({ checked: verifier.events, brokenStreams: verifier.breaks.length });
  }
  const sealFindings = sealCheck?.finish();
  const report: StoreAuditReport = {
    ok: verifier.breaks.length === 0 && (sealFindings === undefined || sealFindings.length === 0),
    events: verifier.events,
    streams: verifier.streams,
    broken: verifier.breaks,
  };
  if (verifier.keyedUnchecked > 0) report.keyedUnchecked = verifier.keyedUnchecked;
  if (sealFindings !== undefined) report.sealFindings = sealFindings;
  return report;
}
