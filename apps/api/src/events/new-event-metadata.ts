import type { Actor } from '@duban/domain';
import type { CommandEventMetadata } from '../idempotency/command-metadata';
import type { IdempotencyRequest } from '../idempotency/idempotency-request';
import { timeOrderedId } from './time-ordered-id';

export const SCHEMA_VERSION = 1;

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
