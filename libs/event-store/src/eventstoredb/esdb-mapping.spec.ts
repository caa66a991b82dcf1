import { ANY, NO_STREAM, STREAM_EXISTS, WrongExpectedVersionError } from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../port/errors';
import { isWanted, toEsdbExpectedRevision, toEventData, toPortError } from './esdb-mapping';
import { event } from '../testing/event-store.contract';

// These run without a server: they pin the translation between the port and the client library.
describe('EventStoreDB mapping', () => {
  it('maps every expected revision of the port to the client constant, -1n meaning no stream', () => {
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    expect(toEsdbExpectedRevision(-1n)).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision(7n)).toBe(7n);
    expect(() => toEsdbExpectedRevision(-2n)).toThrow(RangeError);
  });

  it("turns the client's WrongExpectedVersionError into the port's error with the actual revision", () => {
    const onExisting = toPortError(
      new WrongExpectedVersionError(undefined, { streamName: 'suggestion-1', expected: NO_STREAM, current: 4n }),
      'suggestion-1',
      'no_stream',
    );
    expect(onExisting).toBeInstanceOf(WrongExpectedRevisionError);
    expect(onExisting).toMatchObject({ streamId: 'suggestion-1', expected: 'no_stream', actual: 4n });

    const onMissing = toPortError(
      new WrongExpectedVersionError(undefined, { streamName: 'suggestion-2', expected: STREAM_EXISTS, current: NO_STREAM }),
      'suggestion-2',
      'stream_exists',
    );
    expect(onMissing).toMatchObject({ actual: -1n });

    const other = new Error('unavailable');
    expect(toPortError(other, 'suggestion-3', 'any')).toBe(other);
  });

  it('uses the metadata eventId as the server event id and stores JSON', () => {
    const e = event('SuggestionSubmitted', { title: '关于公交线路的建议' });
    expect(toEventData(e)).toMatchObject({
      id: e.metadata.eventId,
      type: 'SuggestionSubmitted',
      contentType: 'application/json',
      data: { title: '关于公交线路的建议' },
      metadata: e.metadata,
    });
  });

  it('keeps product streams and drops system events and foreign streams', () => {
    const product = ['suggestion-', 'user-', 'unit-', 'group-'];
    expect(isWanted({ streamId: 'suggestion-42', type: 'SuggestionSubmitted' }, product)).toBe(true);
    expect(isWanted({ streamId: 'unit-finance', type: 'UnitRegistered' }, product)).toBe(true);
    expect(isWanted({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' }, product)).toBe(false);
    expect(isWanted({ streamId: '$$suggestion-42', type: '$metadata' }, product)).toBe(false);
    expect(isWanted({ streamId: 'suggestion-42', type: '$>' }, product)).toBe(false);
    expect(isWanted({ streamId: 'orders-1', type: 'OrderPlaced' }, product)).toBe(false);
  });
});
