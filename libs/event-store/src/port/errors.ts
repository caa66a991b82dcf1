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

/**
 * The store cannot take writes right now, through no fault of the request: the server is
 * unreachable, the file is locked or read-only, the disk failed. Nothing of the append was
 * stored, so the same request can be sent again later; reads may still work.
 */
export class StoreUnavailableError extends Error {
  constructor(
    message: string,
    /** The adapter's own error, for the logs. */
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

/** The store's disk (or its configured size limit) is full: no append succeeds until space is freed. */
export class StoreFullError extends StoreUnavailableError {
  constructor(message: string, cause?: unknown) {
    super(message, cause);
    this.name = 'StoreFullError';
  }
}
