import { CURRENT_EVENT_SCHEMA_VERSION, type Actor } from '@duban/domain';
import type { CommandEventMetadata } from '../idempotency/command-metadata';
import type { IdempotencyRequest } from '../idempotency/idempotency-request';
import { timeOrderedId } from './time-ordered-id';

/** Every event is written in the shape the current code reads (the domain's upcast lifts older ones). */
export const SCHEMA_VERSION = CURRENT_EVENT_SCHEMA_VERSION;

/** Fresh metadata for one event about to be appended: its id is chosen now, before the append. */
export function newEventMetadata(
  actor: Actor,
  occurredAt: string,
  correlationId: string,
  causationId: string | null,
  idempotency?: IdempotencyRequest,
): CommandEventMetadata {
  const metadata: CommandEventMetadata = {
    eventId: timeOrderedId(),
    actor: actor.unitId === undefined ? { userId: actor.userId, role: actor.role } : { ...actor },
    occurredAt,
    correlationId,
    causationId,
    schemaVersion: SCHEMA_VERSION,
  };
  if (idempotency) {
    metadata.idempotencyKey = idempotency.key;
    metadata.requestHash = idempotency.fingerprint;
  }
  return metadata;
}
