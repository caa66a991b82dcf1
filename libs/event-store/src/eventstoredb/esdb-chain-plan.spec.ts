import { GENESIS_HASH } from '../audit/audit-hash';
import type { NewEvent, RecordedEvent } from '../port/event-store.port';
import { WrongExpectedRevisionError } from '../port/errors';
import { event } from '../testing/event-store.contract';
import { chainReadFor, planChainedAppend } from './esdb-chain-plan';

const recorded = (revision: bigint, source: NewEvent = event('Stored'), hash = `h${revision}`): RecordedEvent => ({
  streamId: 'suggestion-1',
  revision,
  position: { commit: 100n + revision, prepare: 100n + revision },
  type: source.type,
  data: source.data,
  metadata: { ...source.metadata, hash, prevHash: 'whatever' },
});

describe('hashing an append on EventStoreDB: what to read, and where the events must land', () => {
  const fresh = [event('New')];

  it('starts at genesis, without reading, when the stream must not exist', () => {
    expect(chainReadFor('no_stream')).toEqual({ kind: 'none' });
    expect(chainReadFor(-1n)).toEqual({ kind: 'none' });
    expect(planChainedAppend('no_stream', [], fresh, 'suggestion-1')).toEqual({ kind: 'append', prevHash: GENESIS_HASH, expectedRevision: 'no_stream', retryOnConflict: false });
  });

  it("keeps the caller's exact revision and chains on from the event at it; the server judges the rest", () => {
    expect(chainReadFor(4n)).toEqual({ kind: 'at', revision: 4n });
    expect(planChainedAppend(4n, [recorded(4n)], fresh, 'suggestion-1')).toEqual({ kind: 'append', prevHash: 'h4', expectedRevision: 4n, retryOnConflict: false });
    // The stream is shorter: the server refuses revision 4, the hash is never stored.
    expect(planChainedAppend(4n, [], fresh, 'suggestion-1')).toMatchObject({ expectedRevision: 4n, retryOnConflict: false });
  });

  it("turns any / stream_exists into the revision just read, retried when another writer gets in first", () => {
    expect(chainReadFor('any')).toEqual({ kind: 'tail' });
    const tail = [recorded(5n), recorded(4n)];
    expect(planChainedAppend('any', tail, fresh, 'suggestion-1')).toEqual({ kind: 'append', prevHash: 'h5', expectedRevision: 5n, retryOnConflict: true });
    expect(planChainedAppend('stream_exists', tail, fresh, 'suggestion-1')).toMatchObject({ expectedRevision: 5n, retryOnConflict: true });
    expect(planChainedAppend('any', [], fresh, 'suggestion-1')).toEqual({ kind: 'append', prevHash: GENESIS_HASH, expectedRevision: 'no_stream', retryOnConflict: true });
  });

  it('refuses stream_exists on a missing stream with the one concurrency error', () => {
    expect(() => planChainedAppend('stream_exists', [], fresh, 'suggestion-1')).toThrow(WrongExpectedRevisionError);
  });

  it('recognises its own earlier attempt among the last events and answers as the first time', () => {
    const retried = [event('A'), event('B')];
    const tail = [recorded(7n), recorded(6n, retried[1]), recorded(5n, retried[0]), recorded(4n)];
    expect(planChainedAppend('any', tail, retried, 'suggestion-1')).toEqual({
      kind: 'already-appended',
      result: { nextExpectedRevision: 6n, position: { commit: 106n, prepare: 106n } },
    });
    // Only the first of them is there: not the same append.
    expect(planChainedAppend('any', [recorded(5n, retried[0])], retried, 'suggestion-1')).toMatchObject({ kind: 'append', expectedRevision: 5n });
  });

  it('chains on from genesis after an event written before hashing existed', () => {
    const legacy = recorded(2n);
    delete legacy.metadata.hash;
    expect(planChainedAppend('any', [legacy], fresh, 'suggestion-1')).toMatchObject({ prevHash: GENESIS_HASH, expectedRevision: 2n });
  });
});
