import type Database from 'better-sqlite3';
import * as path from 'node:path';
import { StoreFullError, StoreUnavailableError, WrongExpectedRevisionError } from '../port/errors';
import { event } from '../testing/event-store.contract';
import { makeTempDir } from '../testing/temp-dir';
import { SqliteEventStore } from './sqlite-event-store';
import { toStoreWriteError } from './sqlite-write-errors';

/** The store's own connection: max_page_count is a per-connection limit, the real SQLITE_FULL without a tiny disk. */
function connectionOf(store: SqliteEventStore): Database.Database {
  return (store as unknown as { db: Database.Database }).db;
}

describe('the embedded store when its disk is full', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteEventStore;

  beforeEach(() => {
    temp = makeTempDir('store-full');
    store = new SqliteEventStore({ path: path.join(temp.dir, 'events.sqlite'), synchronous: 'normal' });
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('fails the append with StoreFullError, stores nothing of it, keeps reading, and writes again once there is room', async () => {
    await store.appendToStream('suggestion-1', [event('SuggestionSubmitted')], { expectedRevision: 'no_stream' });
    const db = connectionOf(store);
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages}`);
    const big = { content: '建议内容'.repeat(20_000) };

    const error = await store.appendToStream('suggestion-1', [event('SuggestionAccepted', big), event('SuggestionAssigned', big)], { expectedRevision: 0n }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StoreFullError);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/full/);
    expect((await store.readStream('suggestion-1')).map((e) => e.type)).toEqual(['SuggestionSubmitted']);
    expect(await store.countEvents()).toBe(1);

    db.pragma('max_page_count = 1073741823');
    const retried = await store.appendToStream('suggestion-1', [event('SuggestionAccepted', big)], { expectedRevision: 0n });
    expect(retried.nextExpectedRevision).toBe(1n);
  });

  it('leaves a concurrency error and a bug as they are', () => {
    const conflict = new WrongExpectedRevisionError('suggestion-1', 0n, 1n);
    expect(toStoreWriteError(conflict)).toBe(conflict);
    const bug = new TypeError('x is undefined');
    expect(toStoreWriteError(bug)).toBe(bug);
    expect(toStoreWriteError(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }))).toBeInstanceOf(StoreUnavailableError);
  });
});
