import { formatPosition, type RecordedEvent } from '@duban/event-store';
import type { CommandOutcome } from '../commands/command-outcome';
import type { CommandEventMetadata } from './command-metadata';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error';
import type { IdempotencyRequest } from './idempotency-request';

/**
 * The outcome of an earlier command with the same key by the same person in this stream, as it
 * was first answered (the revision and position of its last event), or null when there is none.
 * The same key with a different fingerprint is a client error: it would otherwise be silently lost.
 */
export function findPriorOutcome(
  id: string,
  recorded: readonly RecordedEvent[],
  userId: string,
  request: IdempotencyRequest,
): CommandOutcome | null {
  let last: RecordedEvent | undefined;
  for (const event of recorded) {
    const metadata = event.metadata as CommandEventMetadata;
    if (metadata.idempotencyKey !== request.key || metadata.actor.userId !== userId) continue;
    if (metadata.requestHash !== request.fingerprint) throw new IdempotencyKeyReusedError(request.key);
    last = event;
  }
  if (last === undefined) return null;
  return { id, revision: Number(last.revision), position: formatPosition(last.position), replayed: true };
}
