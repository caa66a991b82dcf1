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
}
