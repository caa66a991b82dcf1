import type { EventMetadata } from '@duban/domain';

/**
 * EventMetadata plus what the api adds for retries. The store keeps metadata as it is given and
 * the audit hash covers it, so these fields are as durable and tamper-evident as the events.
 * (Additive: the shared EventMetadata contract is not changed.)
 */
export type CommandEventMetadata = EventMetadata & {
  /** The client's Idempotency-Key of the command that appended this event. */
  idempotencyKey?: string;
  /** HMAC fingerprint of that command's route, person and body. */
  requestHash?: string;
};
