import { assertNever } from '@duban/domain';
import { GENESIS_HASH } from '../audit/audit-hash';
import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent } from '../port/event-store.port';
import { WrongExpectedRevisionError } from '../port/errors';

/** How many of a stream's last events are read before an 'any' / 'stream_exists' append. */
export const TAIL_FOR_RETRY_CHECK = 16;

/** What the adapter must read before it can hash an append. */
export type ChainRead =
  /** The event at this exact revision (the caller named it). */
  | { kind: 'at'; revision: bigint }
  /** The stream's last TAIL_FOR_RETRY_CHECK events, newest first. */
  | { kind: 'tail' }
  /** Nothing: the stream must not exist, so the chain starts at genesis. */
  | { kind: 'none' };

export type ChainPlan =
  /** Hash after `prevHash` and append with this exact expectation. */
  | { kind: 'append'; prevHash: string; expectedRevision: bigint | 'no_stream'; retryOnConflict: boolean }
  /** These events are already the stream's, where an earlier attempt put them. */
  | { kind: 'already-appended'; result: AppendResult };

export function chainReadFor(expected: ExpectedRevision): ChainRead {
  if (typeof expected === 'bigint') return expected < 0n ? { kind: 'none' } : { kind: 'at', revision: expected };
  switch (expected) {
    case 'no_stream':
      return { kind: 'none' };
    case 'any':
    case 'stream_exists':
      return { kind: 'tail' };
    default:
      return assertNever(expected, 'expected revision');
  }
}

/**
 * Every appended event's prevHash is the stream's previous hash, so the server must append
 * exactly after the event that hash was read from: each plan carries an exact expectation. A
 * caller's exact expectation is kept as it is (the server judges it, and recognises a retried
 * append by its ids); 'any' and 'stream_exists' become the revision just read, retried by the
 * adapter when another writer got in between.
 */
export function planChainedAppend(expected: ExpectedRevision, read: RecordedEvent[], events: readonly NewEvent[], streamId: string): ChainPlan {
  const request = chainReadFor(expected);
  switch (request.kind) {
    case 'none':
      return { kind: 'append', prevHash: GENESIS_HASH, expectedRevision: 'no_stream', retryOnConflict: false };
    case 'at': {
      // Not there: the server refuses the expectation itself; the hash does not matter then.
      const previous = read.find((event) => event.revision === request.revision);
      return { kind: 'append', prevHash: previous?.metadata.hash ?? GENESIS_HASH, expectedRevision: request.revision, retryOnConflict: false };
    }
    case 'tail': {
      const last = read[0];
      if (!last) {
        if (expected === 'stream_exists') throw new WrongExpectedRevisionError(streamId, expected, -1n);
        return { kind: 'append', prevHash: GENESIS_HASH, expectedRevision: 'no_stream', retryOnConflict: true };
      }
      const earlier = findEarlierAttempt(read, events);
      if (earlier) return { kind: 'already-appended', result: earlier };
      // An event written before hashing existed has no hash: chain on from genesis, as the embedded store does.
      return { kind: 'append', prevHash: last.metadata.hash ?? GENESIS_HASH, expectedRevision: last.revision, retryOnConflict: true };
    }
    default:
      return assertNever(request, 'chain read');
  }
}

/** The events' ids, in order, among the stream's last events: an earlier attempt of this append succeeded. */
function findEarlierAttempt(newestFirst: RecordedEvent[], events: readonly NewEvent[]): AppendResult | null {
  if (events.length === 0) return null;
  const tail = [...newestFirst].reverse();
  const start = tail.findIndex((event) => event.metadata.eventId === events[0]!.metadata.eventId);
  if (start < 0) return null;
  const matched = events.every((event, i) => tail[start + i]?.metadata.eventId === event.metadata.eventId);
  if (!matched) return null;
  const last = tail[start + events.length - 1]!;
  return { nextExpectedRevision: last.revision, position: last.position };
}
