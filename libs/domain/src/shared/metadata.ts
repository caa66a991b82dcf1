import { Actor } from './actor';

/** Metadata of every stored event. */
export interface EventMetadata {
  /** UUID chosen before the append, so a retried append is recognised. */
  eventId: string;
  actor: Actor;
  /** ISO-8601 instant (UTC) from the api's Clock. */
  occurredAt: string;
  /** One per request: every event a request causes carries it. */
  correlationId: string;
  /** The event or request that caused this one. */
  causationId: string | null;
  schemaVersion: number;
  /** Audit chain: set by the event store at append (sha256 of this event and prevHash); a copied event may carry it and must match. */
  hash?: string;
  /** The previous event of the same stream's hash; a fixed genesis value at revision 0. */
  prevHash?: string;
}
