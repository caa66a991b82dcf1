import { randomUUID } from 'node:crypto';
import type { Actor, EventMetadata } from '@duban/domain';

export const SCHEMA_VERSION = 1;

/** Fresh metadata for one event about to be appended: its id is chosen now, before the append. */
export function newEventMetadata(actor: Actor, occurredAt: string, correlationId: string, causationId: string | null): EventMetadata {
  return {
    eventId: randomUUID(),
    actor: actor.unitId === undefined ? { userId: actor.userId, role: actor.role } : { ...actor },
    occurredAt,
    correlationId,
    causationId,
    schemaVersion: SCHEMA_VERSION,
  };
}
