import type { RecordedEvent } from '@duban/event-store';
import type { StreamChainVerdict } from '@duban/event-store/audit/verify-stream-chain';

export interface AuditedEvent {
  revision: number;
  type: string;
  /** null when the event carries none (written before the chain, or stripped). */
  hash: string | null;
  prevHash: string | null;
  /** `hmac-sha256`: hashed with the audit key; `sha256`: written before the key existed. */
  hashScheme: 'sha256' | 'hmac-sha256';
}

export interface SuggestionAudit {
  streamId: string;
  verdict: 'intact' | 'broken';
  events: AuditedEvent[];
  /** The first place the chain does not hold. */
  brokenAt?: { revision: number; code: string; reason: string };
}

export function toSuggestionAudit(streamId: string, events: readonly RecordedEvent[], verdict: StreamChainVerdict): SuggestionAudit {
  const audit: SuggestionAudit = {
    streamId,
    verdict: verdict.ok ? 'intact' : 'broken',
    events: events.map((event) => ({
      revision: Number(event.revision),
      type: event.type,
      hash: typeof event.metadata.hash === 'string' ? event.metadata.hash : null,
      prevHash: typeof event.metadata.prevHash === 'string' ? event.metadata.prevHash : null,
      hashScheme: (event.metadata as { hashScheme?: unknown }).hashScheme === 'hmac-sha256' ? 'hmac-sha256' : 'sha256',
    })),
  };
  if (verdict.brokenAt) {
    audit.brokenAt = { revision: Number(verdict.brokenAt.revision), code: verdict.brokenAt.code, reason: verdict.brokenAt.reason };
  }
  return audit;
}
