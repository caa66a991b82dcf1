import type { ExpectedRevision } from './event-store.port';

/** The one concurrency error, whatever the adapter. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual revision, or -1n when it does not exist. */
    readonly actual: bigint,
  ) {
    super(`wrong expected revision on ${streamId}: expected ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/**
 * An event id already stored somewhere else than where this append would put it. Event ids are
 * chosen before the append so a retry is recognised; reusing one for a different event is a bug.
 * The embedded store checks ids store-wide; EventStoreDB only recognises them within a stream.
 */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly eventId: string,
    readonly streamId: string,
    /** Where the id is already stored. */
    readonly existingStreamId: string,
    readonly existingRevision: bigint,
  ) {
    super(`event id ${eventId} appended to ${streamId} is already stored in ${existingStreamId} at revision ${String(existingRevision)}`);
    this.name = 'DuplicateEventIdError';
  }
}
