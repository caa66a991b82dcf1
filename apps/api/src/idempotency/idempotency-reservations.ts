import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@duban/domain';
import { EVENT_STORE, EventStore, WrongExpectedRevisionError } from '@duban/event-store';
import { createHash } from 'node:crypto';
import { newEventMetadata } from '../events/new-event-metadata';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error';
import type { IdempotencyRequest } from './idempotency-request';

export const IDEMPOTENCY_STREAM_PREFIX = 'idempotency-';
export const KEY_USED_EVENT = 'IdempotencyKeyUsed';

/** Where a key's first use is recorded: one stream per person and key (hashed: keys are the client's text). */
export function idempotencyStreamId(userId: string, key: string): string {
  return `${IDEMPOTENCY_STREAM_PREFIX}${createHash('sha256').update(`${userId}\u0000${key}`).digest('hex').slice(0, 40)}`;
}

/** The first request that used a key, as its marker records it. */
export interface KeyUse {
  fingerprint: string;
  /** The stream that request wrote to. */
  streamId: string;
}

/**
 * A person's keys, each recorded once in a stream of its own before the command it names is
 * appended. A command whose target stream depends on its body (POST /users: the login name;
 * POST /units: the unit id) cannot find a reused key in its target stream, since another body
 * names another stream; the marker, found by person and key alone, can. The marker is written
 * with "stream must not exist", so of two requests racing with one key exactly one records it.
 * Written only once the command has been decided, so a refused request (400, 409) leaves the key
 * free; a crash between marker and command leaves a marker whose own request, retried, proceeds.
 */
@Injectable()
export class IdempotencyReservations {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The key's first use, or null; throws IdempotencyKeyReusedError when it was another request. */
  async find(userId: string, request: IdempotencyRequest): Promise<KeyUse | null> {
    const [marker] = await this.store.readStream(idempotencyStreamId(userId, request.key));
    if (!marker) return null;
    const use = marker.data as KeyUse;
    if (use.fingerprint !== request.fingerprint) throw new IdempotencyKeyReusedError(request.key);
    return use;
  }

  /** Records that this request uses its key for `streamId`; throws when another request took the key first. */
  async reserve(actor: Actor, request: IdempotencyRequest, streamId: string, meta: { at: string; correlationId: string; causationId: string }): Promise<void> {
    const use: KeyUse = { fingerprint: request.fingerprint, streamId };
    try {
      await this.store.appendToStream(
        idempotencyStreamId(actor.userId, request.key),
        [{ type: KEY_USED_EVENT, data: use, metadata: newEventMetadata(actor, meta.at, meta.correlationId, meta.causationId) }],
        { expectedRevision: 'no_stream' },
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      // Someone recorded the key first: the same request sent twice goes on (its target stream
      // settles which one appends), another one is refused.
      await this.find(actor.userId, request);
    }
  }
}
