import { GENESIS_HASH, metadataJsonWithChain, type ChainableEvent } from '../audit/audit-hash';
import { linkEvent } from '../audit/chain-link';
import type { AppendResult, ExpectedRevision, NewEvent } from '../port/event-store.port';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../port/errors';
import { START } from '../port/position';
import { expectedRevisionMatches, retryTargetsRevision } from '../shared/expected-revision';
import type { SqliteStatements, StoredEventRef } from './sqlite-statements';

export interface AppendRequest {
  streamId: string;
  events: NewEvent[];
  /** The events serialised for storage and hashing, done before the write transaction. */
  chainable: ChainableEvent[];
  expectedRevision: ExpectedRevision;
}

/**
 * One append, run inside the batch transaction (under its own savepoint, so a throw here
 * undoes only this append). Checks happen before any insert: a refused append writes nothing.
 */
export function appendOne(statements: SqliteStatements, request: AppendRequest): AppendResult {
  const { streamId, events, chainable, expectedRevision } = request;
  const ids = events.map((event) => event.metadata.eventId);
  const stored = ids.map((id) => statements.findEvent(id));
  if (stored.some((ref) => ref !== undefined)) return recogniseRetry(statements, request, stored);

  const tip = statements.tip(streamId);
  const current = tip?.revision ?? -1n;
  if (!expectedRevisionMatches(expectedRevision, current)) {
    throw new WrongExpectedRevisionError(streamId, expectedRevision, current);
  }
  if (events.length === 0) return { nextExpectedRevision: current, position: START };

  let revision = current;
  // An event stored before hashing existed has no hash: chain on from genesis (the verifier
  // reports that older event as unhashed).
  let prevHash = tip?.hash ?? GENESIS_HASH;
  let position = -1n;
  for (let i = 0; i < events.length; i++) {
    const event = chainable[i]!;
    revision += 1n;
    const hash = linkEvent(streamId, revision, event, prevHash);
    position = statements.insert(
      streamId,
      revision,
      events[i]!.metadata.eventId,
      event.type,
      event.dataJson,
      metadataJsonWithChain(event.metadataJson, prevHash, hash),
    );
    prevHash = hash;
  }
  return { nextExpectedRevision: revision, position: { commit: position, prepare: position } };
}

/**
 * Some of these event ids are already stored. If all of them sit, in order, in this stream at
 * the place the request aims at, this is a retry of an append that succeeded: answer as the
 * first time. Anything else is a conflict or a reused id.
 */
function recogniseRetry(
  statements: SqliteStatements,
  request: AppendRequest,
  stored: (StoredEventRef | undefined)[],
): AppendResult {
  const { streamId, events, expectedRevision } = request;
  const first = stored[0];
  const consecutiveHere =
    first !== undefined &&
    stored.every((ref, i) => ref !== undefined && ref.streamId === streamId && ref.revision === first.revision + BigInt(i));
  if (consecutiveHere) {
    if (retryTargetsRevision(expectedRevision, first.revision)) {
      const last = stored[stored.length - 1]!;
      return { nextExpectedRevision: last.revision, position: { commit: last.position, prepare: last.position } };
    }
    throw new WrongExpectedRevisionError(streamId, expectedRevision, statements.lastRevision(streamId));
  }
  const i = stored.findIndex((ref) => ref !== undefined);
  const clash = stored[i]!;
  const eventId = events[i]!.metadata.eventId;
  throw new DuplicateEventIdError(eventId, streamId, clash.streamId, clash.revision);
}
