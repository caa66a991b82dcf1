import type { RecordedEvent } from '../port/event-store.port';
import type { AuditKey } from './audit-key';
import type { ChainBreak } from './chain-break';
import { ChainVerifier } from './chain-verifier';

export interface StreamChainVerdict {
  ok: boolean;
  /** The first place the chain does not hold. */
  brokenAt?: ChainBreak;
  /** Events checked. */
  events: number;
  /** Keyed events whose own hash could not be checked (no key given); absent when none. */
  keyedUnchecked?: number;
}

/** Only present when it matters, so a keyless verdict on an old store reads as before. */
function unchecked(verifier: ChainVerifier): { keyedUnchecked?: number } {
  return verifier.keyedUnchecked > 0 ? { keyedUnchecked: verifier.keyedUnchecked } : {};
}

/**
 * Verifies one stream read from its start (revision 0), e.g. `store.readStream(id)`. Without the
 * audit key, keyed events are checked for their place in the chain only (`keyedUnchecked`).
 */
export function verifyStreamChain(events: readonly RecordedEvent[], key?: AuditKey | null): StreamChainVerdict {
  const verifier = new ChainVerifier({ key });
  for (const event of events) {
    const found = verifier.check(event);
    if (found) return { ok: false, brokenAt: found, events: verifier.events, ...unchecked(verifier) };
  }
  return { ok: true, events: verifier.events, ...unchecked(verifier) };
}
