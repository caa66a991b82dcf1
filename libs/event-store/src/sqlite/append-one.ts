import { GENESIS_HASH, metadataJsonWithChain, type ChainableEvent } from '../audit/audit-hash';
import type { AuditKey } from '../audit/audit-key';
import { linkEvent } from '../audit/chain-link';
import type { AppendResult, ExpectedRevision, NewEvent } from '../port/event-store.port';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../port/errors';
import { START } from '../port/position';
import { expectedRevisionMatches, retryTargetsRevision } from '../shared/expected-revision';
import type { SqliteStatements, StoredEventRef } from './sqlite-statements';
import type { StreamTips } from './stream-tips';

export interface AppendRequest {
  streamId: string;
  events: NewEvent[];
  /** The events serialised for storage and hashing, done before the write transaction. */
  chainable: ChainableEvent[];
  expectedRevision: ExpectedRevision;
}

/**
 * Thrown when an insert failed, after the checks passed (a SQL error, not a refusal): some of the
 * append's events may be written, and without a savepoint it cannot be undone alone, so the batch
 * transaction must be rolled back. `cause` is the original error.
 */
export class AppendInterruptedError extends Error {
  constructor(cause: unknown) {
    super(`append interrupted after a partial write: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'AppendInterruptedError';
  }
}

/**
 * How much an append checks before it writes. `fast`: the event ids are left to the UNIQUE index
 * (a retried or reused id is rare: the insert of the first event fails and the ids are looked up
 * then), and a refused expected revision looks them up before it refuses (a retry of an append
 * that succeeded looks like a conflict). `checked`: the ids are looked up first, as on the slow
 * path after a batch had to start over.
 */
export type AppendChecks = 'fast' | 'checked';

/**
 * One append, run inside the batch transaction. Every check (retry, expected revision, claimed
 * hashes) happens before the first insert, so a refused append has written nothing and the batch
 * needs no savepoint per append; a failure after an insert is an AppendInterruptedError.
 */
export function appendOne(
  statements: SqliteStatements,
  tips: StreamTips,
  request: AppendRequest,
  checks: AppendChecks,
  auditKey: AuditKey | null,
): AppendResult {
  const { streamId, events, chainable, expectedRevision } = request;
  if (checks === 'checked') {
    const stored = findStored(statements, events);
    if (stored.some((ref) => ref !== undefined)) return recogniseRetry(statements, request, stored);
  }

  const tip = tips.tip(streamId);
  const current = tip?.revision ?? -1n;
  if (!expectedRevisionMatches(expectedRevision, current)) {
    const stored = checks === 'fast' ? findStored(statements, events) : [];
    if (stored.some((ref) => ref !== undefined)) return recogniseRetry(statements, request, stored);
    throw new WrongExpectedRevisionError(streamId, expectedRevision, current);
  }
  if (events.length === 0) return { nextExpectedRevision: current, position: START };

  // Link the whole chain first: a claimed hash that does not fit refuses the append before it writes.
  // An event stored before hashing existed has no hash: chain on from genesis (the verifier
  // reports that older event as unhashed).
  // An unkeyed event after a keyed one is refused (a store opened without the key, or a copy of a
  // downgraded history).
  let prevHash = tip?.hash ?? GENESIS_HASH;
  let prevKeyed = tip?.keyed ?? false;
  const metadataTexts = chainable.map((event, i) => {
    const hash = linkEvent(streamId, current + BigInt(i + 1), event, prevHash, auditKey, prevKeyed);
    const text = metadataJsonWithChain(event.metadataJson, prevHash, hash);
    prevHash = hash;
    prevKeyed = event.keyed;
    return text;
  });
  let position = -1n;
  for (let i = 0; i < events.length; i++) {
    const event = chainable[i]!;
    try {
      position = statements.insert(streamId, current + BigInt(i + 1), events[i]!.metadata.eventId, event.type, event.dataJson, metadataTexts[i]!);
    } catch (error) {
      // The first insert wrote nothing (SQLite undid just that statement): an id that is already
      // stored is a retry or a reused id, answered as the checked path would.
      if (i === 0 && isEventIdClash(error)) return recogniseRetry(statements, request, findStored(statements, events));
      // Otherwise part of this append may be written: the batch must start over.
      throw new AppendInterruptedError(error);
    }
  }
  const last = current + BigInt(events.length);
  tips.linked(streamId, { revision: last, hash: prevHash, keyed: prevKeyed });
  return { nextExpectedRevision: last, position: { commit: position, prepare: position } };
}

function findStored(statements: SqliteStatements, events: NewEvent[]): (StoredEventRef | undefined)[] {
  return events.map((event) => statements.findEvent(event.metadata.eventId));
}

function isEventIdClash(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('events.event_id');
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
