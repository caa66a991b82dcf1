import Database from 'better-sqlite3';
import * as path from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { event } from '../testing/event-store.contract';
import { makeTempDir } from '../testing/temp-dir';
import { checkStoreAgainstMark, formatMark, markOf, storeFingerprint } from './store-fingerprint';

describe('store fingerprint: does the store still end where the projector saw it end?', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    temp = makeTempDir('mark');
    file = path.join(temp.dir, 'events.sqlite');
    store = new SqliteEventStore({ path: file });
  });

  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('is null for an empty store, then the last event: position, place and hash', async () => {
    expect(await storeFingerprint(store)).toBeNull();
    await store.appendToStream('suggestion-1', [event('SuggestionSubmitted'), event('SuggestionAccepted')]);
    await store.appendToStream('unit-u1', [event('UnitRegistered')]);
    const [last] = await store.readStream('unit-u1');

    const mark = await storeFingerprint(store);

    expect(mark).toEqual(markOf(last!));
    expect(mark).toMatchObject({ streamId: 'unit-u1', revision: 0n, position: { commit: 3n } });
    expect(formatMark(mark!)).toBe(`3 unit-u1@0 ${last!.metadata.hash}`);
    expect(await checkStoreAgainstMark(store, mark!)).toEqual({ status: 'consistent' });
  });

  it('reports a store whose last events were cut off as behind the mark', async () => {
    await store.appendToStream('suggestion-1', [event('SuggestionSubmitted')]);
    await store.appendToStream('suggestion-1', [event('SuggestionAccepted')]);
    const mark = (await storeFingerprint(store))!;
    await store.close();
    const db = new Database(file);
    db.prepare('DELETE FROM events WHERE position = 2').run();
    db.close();
    store = new SqliteEventStore({ path: file });

    const check = await checkStoreAgainstMark(store, mark);

    expect(check.status).toBe('store_behind');
    expect(check).toMatchObject({ reason: expect.stringContaining('suggestion-1 修订号 1') });
  });
});
