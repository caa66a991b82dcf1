import { assertNever } from '@duban/domain';
import type { ExpectedRevision } from '../port/event-store.port';

/** `current` is the stream's last revision, or -1n when the stream does not exist. */
export function expectedRevisionMatches(expected: ExpectedRevision, current: bigint): boolean {
  // A bigint -1n is "no stream" spelled as a number, which the plain comparison already covers.
  if (typeof expected === 'bigint') return expected === current;
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1n;
    case 'stream_exists':
      return current >= 0n;
    default:
      return assertNever(expected, 'expected revision');
  }
}

/**
 * Whether a retried append whose events already sit at `firstRevision` was aimed at that place.
 * Mirrors EventStoreDB's idempotence check: the retry must carry the expectation the first
 * attempt carried, so a retry is judged against the stream as it was, not as it is now.
 */
export function retryTargetsRevision(expected: ExpectedRevision, firstRevision: bigint): boolean {
  if (typeof expected === 'bigint') return expected === firstRevision - 1n;
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return firstRevision === 0n;
    case 'stream_exists':
      return firstRevision > 0n;
    default:
      return assertNever(expected, 'expected revision');
  }
}
