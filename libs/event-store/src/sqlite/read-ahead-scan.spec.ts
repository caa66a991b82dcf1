import Database from 'better-sqlite3';
import * as path from 'node:path';
import type { RecordedEvent } from '../port/event-store.port';
import { readAllPages } from '../port/read-all-pages';
import { event } from '../testing/event-store.contract';
import { writeSampleHistory } from '../testing/sample-history';
import { makeTempDir } from '../testing/temp-dir';
import { ReadAheadScan } from './read-ahead-scan';
import { SqliteEventStore } from './sqlite-event-store';

/** Every page of a scan, as arrays. */
async function collect(pages: AsyncIterable<RecordedEvent[]>): Promise<RecordedEvent[][]> {
  const out: RecordedEvent[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('SqliteEventStore.scanAll (read-ahead thread)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    temp = makeTempDir('scan');
    file = path.join(temp.dir, 'events.sqlite');
    store = new SqliteEventStore({ path: file, synchronous: 'normal' });
  });

  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('gives the pages readAll gives, in the global order', async () => {
    const written = await writeSampleHistory(store, 12);
    const pages = await collect(store.scanAll({ pageSize: 7 }));

    expect(pages.map((p) => p.length)).toEqual([...Array(Math.floor(written / 7)).fill(7), written % 7].filter((n) => n > 0));
    expect(pages).toEqual(await collect(readAllPages(store, { pageSize: 7 })));
    const positions = pages.flat().map((e) => e.position.commit);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('starts strictly after `after` and keeps only the streams with the given prefixes', async () => {
    await writeSampleHistory(store, 5);
    const all = (await collect(store.scanAll())).flat();
    const after = all[9]!.position;

    const rest = (await collect(store.scanAll({ after, pageSize: 4 }))).flat();
    expect(rest.map((e) => e.position)).toEqual(all.slice(10).map((e) => e.position));

    const prefixes = ['unit-', 'user-'];
    const accounts = await collect(store.scanAll({ pageSize: 2, streamPrefixes: prefixes }));
    expect(accounts).toEqual(await collect(readAllPages(store, { pageSize: 2, streamPrefixes: prefixes })));
    expect(accounts.flat().map((e) => e.streamId)).toEqual(['unit-u0', 'unit-u1', 'unit-u2', 'user-deputy']);
    const suggestions = (await collect(store.scanAll({ after, streamPrefixes: ['suggestion-'] }))).flat();
    expect(suggestions.map((e) => e.position)).toEqual(all.slice(10).filter((e) => e.streamId.startsWith('suggestion-')).map((e) => e.position));
  });

  it('ends at once on an empty store, after the head, and with a page size of 0', async () => {
    expect(await collect(store.scanAll())).toEqual([]);
    await store.appendToStream('suggestion-1', [event('SuggestionSubmitted', { title: '关于路灯的建议' })]);
    const head = (await store.headPosition())!;
    expect(await collect(store.scanAll({ after: head }))).toEqual([]);
    expect(await collect(store.scanAll({ pageSize: 0 }))).toEqual([]);
    expect((await collect(store.scanAll())).flat().map((e) => e.data)).toEqual([{ title: '关于路灯的建议' }]);
  });

  it('ends its thread when the caller stops early, and the store goes on working', async () => {
    await writeSampleHistory(store, 20);
    const scan = new ReadAheadScan({ path: file, busyTimeoutMs: 1000, after: -1n, pageSize: 3, ahead: 2 });
    let seen = 0;
    for await (const page of scan) {
      seen += page.length;
      if (seen >= 6) break;
    }
    expect(seen).toBe(6);
    expect(scan.threadRunning).toBe(false);
    expect(await store.readAll({ maxCount: 2 })).toHaveLength(2);
  });

  it('ends its thread and rejects when a read fails, also in the middle of the scan', async () => {
    const missing = new ReadAheadScan({ path: path.join(temp.dir, 'missing.sqlite'), busyTimeoutMs: 1000, after: -1n, pageSize: 3, ahead: 1 });
    await expect(collect(missing)).rejects.toThrow(/event store read-ahead: .*(unable to open|does not exist)/i);
    expect(missing.threadRunning).toBe(false);

    await writeSampleHistory(store, 10);
    const scan = new ReadAheadScan({ path: file, busyTimeoutMs: 1000, after: -1n, pageSize: 3, ahead: 1 });
    const iterator = scan[Symbol.asyncIterator]();
    expect(((await iterator.next()).value as RecordedEvent[]).length).toBe(3);
    // Someone drops the table while the scan is between pages: the next read fails.
    const other = new Database(file);
    other.exec('DROP TABLE events');
    other.close();
    await expect(collect({ [Symbol.asyncIterator]: () => iterator })).rejects.toThrow(/event store read-ahead: no such table: events/);
    expect(scan.threadRunning).toBe(false);
  });

  it('ends a scan still open when the store closes', async () => {
    await writeSampleHistory(store, 10);
    const pages = store.scanAll({ pageSize: 2 });
    const iterator = pages[Symbol.asyncIterator]();
    expect(((await iterator.next()).value as RecordedEvent[]).length).toBe(2);
    await store.close();
    expect((await iterator.next()).done).toBe(true);
    expect((pages as ReadAheadScan).threadRunning).toBe(false);
  });

  it('pages in this thread for an in-memory store, which no other connection can see', async () => {
    const memory = new SqliteEventStore({ path: ':memory:' });
    try {
      const written = await writeSampleHistory(memory, 3);
      const pages = await collect(memory.scanAll({ pageSize: 4 }));
      expect(pages.flat()).toHaveLength(written);
      expect(pages).toEqual(await collect(readAllPages(memory, { pageSize: 4 })));
    } finally {
      await memory.close();
    }
  });
});
