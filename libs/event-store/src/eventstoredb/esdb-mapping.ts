import {
  ANY,
  ErrorType,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AppendExpectedRevision,
  type EventData,
  type JSONType,
  type Position as EsdbPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { assertNever, type EventMetadata } from '@duban/domain';
import type { ExpectedRevision, NewEvent, Position, RecordedEvent } from '../port/event-store.port';
import { WrongExpectedRevisionError } from '../port/errors';
import { isSystemEvent, matchesPrefixes } from '../shared/product-streams';

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (typeof expected === 'bigint') {
    // The port lets -1n mean "no stream"; the server only takes non-negative numbers.
    if (expected === -1n) return NO_STREAM;
    if (expected < -1n) throw new RangeError(`expected revision ${expected} is below -1`);
    return expected;
  }
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return assertNever(expected, 'expected revision');
  }
}

/** The server's concurrency error as the port's one concurrency error; anything else unchanged. */
export function toPortError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new WrongExpectedRevisionError(streamId, expected, typeof actual === 'bigint' ? actual : -1n);
  }
  return error;
}

export function isStreamNotFound(error: unknown): boolean {
  return error instanceof StreamNotFoundError || (error as { type?: unknown } | null)?.type === ErrorType.STREAM_NOT_FOUND;
}

/** The event id in the metadata becomes the server's event id, so the server spots a retried append. */
export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.metadata.eventId,
    type: event.type,
    data: (event.data ?? null) as JSONType,
    metadata: event.metadata as unknown as JSONType,
  });
}

export function toPortPosition(position: EsdbPosition): Position {
  return { commit: position.commit, prepare: position.prepare };
}

/** Only events this product wrote: never system events, only streams under one of `prefixes`. */
export function isWanted(event: { streamId: string; type: string }, prefixes: readonly string[]): boolean {
  return !isSystemEvent(event.streamId, event.type) && matchesPrefixes(event.streamId, prefixes);
}

export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  if (!event.position) {
    // Positions on stream reads came with server 22.6; older servers are not supported.
    throw new Error(`EventStoreDB returned ${event.streamId}@${event.revision} without a position (server older than 22.6?)`);
  }
  return {
    streamId: event.streamId,
    revision: event.revision,
    position: toPortPosition(event.position),
    type: event.type,
    data: event.data,
    metadata: event.metadata as unknown as EventMetadata,
  };
}
