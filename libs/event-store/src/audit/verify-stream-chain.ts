import type { RecordedEvent } from '../port/event-store.port';
import type { ChainBreak } from './chain-break';
import { ChainVerifier } from './chain-verifier';

export interface StreamChainVerdict {
  ok: boolean;
  /** The first place the chain does not hold. */
  brokenAt?: ChainBreak;
  /** Events checked. */
  events: number;
}

/** Verifies one stream read from its start (revision 0), e.g. `store.readStream(id)`. */
export function verifyStreamChain(events: readonly RecordedEvent[]): StreamChainVerdict {
  const verifier = new ChainVerifier();
  for (const event of events) {
    const found = verifier.check(event);
    if (found) return { ok: false, brokenAt: found, events: verifier.events };
  }
  return { ok: true, events: verifier.events };
}
