import { existsSync, readdirSync } from 'node:fs';
import { SqliteEventStore, type EventStore, type ReadAllOptions, type RecordedEvent, type ScanAllOptions, type ScanStreamsOptions } from '@duban/event-store';
import { Projector } from '../projector/projector';
import { DEMO_STEPS, LI } from '../testing/demo-scenario';
import { dumpReadModel } from '../testing/dump-read-model';
import { HistoryWriter } from '../testing/history-writer';
import { randomHistory } from '../testing/random-history';
import { EDU, STAFF, SUPERVISION_STEPS } from '../testing/supervision-scenario';
import { tempDir } from '../testing/temp-dir';
import { rebuildReadModels, type RebuildProgress } from './rebuild-read-models';

const quiet = { log: () => undefined, error: () => undefined };

describe('rebuildReadModels', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let writer: HistoryWriter;

  beforeEach(() => {
    dir = tempDir();
    store = new SqliteEventStore({ path: dir.file('events.sqlite'), synchronous: 'normal', pollIntervalMs: 20 });
    writer = new HistoryWriter(store);
  });

  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  it('builds the same tables, row by row, as the live projector that followed the appends', async () => {
    const steps = interleave(DEMO_STEPS, randomHistory(60, 7));
    // A unit named only a third of the way in and renamed later: notifications name it as it was
    // named when their event happened, though a rebuild applies the units before the suggestions.
    steps.splice(Math.floor(steps.length / 3), 0, (w) => w.registerUnit('unit-1', '第一办理单位', '2026-03-01T00:00:00.000Z'));
    steps.splice(Math.floor((2 * steps.length) / 3), 0, (w) => w.registerUnit('unit-1', '第一办理单位（更名）', '2026-06-01T00:00:00.000Z'));
    const livePath = dir.file('live.sqlite');
    // A tiny state cache and small batches: states leave memory and come back from their rows.
    let live = new Projector(store, livePath, { batchSize: 4, stateCacheSize: 3, logger: quiet });
    await live.start();
    for (const [i, step] of steps.entries()) {
      const result = await step(writer);
      if (i % 7 === 0) expect(await live.waitFor(result.position, 5000)).toBe(true);
      if (i === Math.floor(steps.length / 2)) {
        // The service restarts halfway.
        await live.close();
        live = new Projector(store, livePath, { batchSize: 4, stateCacheSize: 3, logger: quiet });
        await live.start();
      }
    }
    const head = (await store.headPosition())!;
    expect(await live.waitFor(head, 5000)).toBe(true);
    await live.close();

    const followed = dumpReadModel(livePath);
    const messages = (followed.notifications as { message: string }[]).map((n) => n.message).join('\n');
    expect(messages).toContain('第一办理单位（更名）');
    expect(messages).toMatch(/第一办理单位(?!（更名）)/);
    expect(messages).toContain('unit-1');

    // Stream by stream (the default for this store), on this thread and with the writer thread;
    // in the global order with a small state cache, and with every state in memory and the writer thread.
    const ways = [
      { name: 'streams', options: { batchSize: 50, writerThread: false } },
      { name: 'streams, writer thread', options: { batchSize: 50, writerThread: true, split: true } },
      { name: 'global, small cache', options: { batchSize: 50, order: 'global', stateCacheSize: 10 } },
      { name: 'global, writer thread', options: { batchSize: 50, order: 'global', writerThread: true } },
    ] as const;
    for (const { name, options } of ways) {
      const rebuiltPath = dir.file(`rebuilt-${ways.findIndex((w) => w.name === name)}.sqlite`);
      const result = await rebuildReadModels(store, rebuiltPath, options);
      expect({ name, events: result.events, checkpoint: result.checkpoint }).toEqual({ name, events: Number(head.commit), checkpoint: head });
      const rebuilt = dumpReadModel(rebuiltPath);
      expect(rebuilt.suggestions!.length).toBe(66);
      expect(rebuilt.notifications!.length).toBeGreaterThan(250);
      for (const table of Object.keys(followed)) expect({ name, table, rows: rebuilt[table] }).toEqual({ name, table, rows: followed[table] });
    }
  });

  it('splits the time of a rebuild into its phases and reports the peak memory', async () => {
    for (const step of interleave(DEMO_STEPS, randomHistory(20, 3))) await step(writer);
    const result = await rebuildReadModels(store, dir.file('split.sqlite'), { batchSize: 25, writerThread: true, split: true });
    const split = result.split!;
    expect(split.order).toBe('streams');
    for (const key of ['foldMs', 'deadlinesMs', 'viewsMs', 'rowsMs', 'indexMs', 'totalMs'] as const) expect({ key, positive: split[key] > 0 }).toEqual({ key, positive: true });
    expect(split.parseMs).toBeGreaterThan(0);
    expect(split.readerThreadMs).toBeGreaterThan(0);
    expect(split.writerThreadMs).toBeGreaterThan(0);
    expect(split.peakHeapBytes).toBeGreaterThan(0);
    expect(split.peakRssBytes).toBeGreaterThanOrEqual(split.peakHeapBytes);
    expect((await rebuildReadModels(store, dir.file('unsplit.sqlite'))).split).toBeUndefined();
  });

  it('leaves out what was appended after it began (it may run beside the service): the checkpoint says where the service goes on', async () => {
    // Later events of the same suggestions and of new ones come after the rebuild began.
    const steps = interleave(DEMO_STEPS, randomHistory(12, 5));
    const half = Math.floor(steps.length / 2);
    for (const step of steps.slice(0, half)) await step(writer);
    const head = (await store.headPosition())!;
    // The store as it looks to a rebuild that began before the next appends.
    const early = withStore({ headPosition: async () => head });
    for (const step of steps.slice(half)) await step(writer);
    const path = dir.file('early.sqlite');
    const result = await rebuildReadModels(early, path, { batchSize: 7 });
    expect(result.checkpoint).toEqual(head);
    expect(result.events).toBe(Number(head.commit));
    const live = new Projector(store, path, { batchSize: 5, logger: quiet });
    await live.start();
    expect(await live.waitFor((await store.headPosition())!, 5000)).toBe(true);
    await live.close();
    const all = dir.file('all.sqlite');
    await rebuildReadModels(store, all, { batchSize: 7 });
    expect(dumpReadModel(path)).toEqual(dumpReadModel(all));
  });

  it('rebuilds the supervision tables, notifications and read marks as the live projector left them', async () => {
    const livePath = dir.file('live.sqlite');
    let live = new Projector(store, livePath, { batchSize: 3, stateCacheSize: 2, logger: quiet });
    await live.start();
    for (const [i, step] of SUPERVISION_STEPS.entries()) {
      const result = await step(writer);
      if (i % 5 === 0) expect(await live.waitFor(result.position, 5000)).toBe(true);
      if (i === 40) {
        // Read marks between the events, and a restart.
        await writer.markRead(EDU, ['sv-1@2@unit:unit-edu', 'sv-5@2@unit:unit-edu'], '2026-04-01T00:00:00.000Z');
        await writer.markRead(STAFF, ['sv-1@0@role:staff'], '2026-04-01T00:00:00.000Z');
        await live.close();
        live = new Projector(store, livePath, { batchSize: 3, stateCacheSize: 2, logger: quiet });
        await live.start();
      }
    }
    await writer.markRead(EDU, ['sv-5@2@unit:unit-edu', 'sv-9@5@unit:unit-edu'], '2026-10-01T00:00:00.000Z');
    const head = (await store.headPosition())!;
    expect(await live.waitFor(head, 5000)).toBe(true);
    await live.close();

    const rebuiltPath = dir.file('rebuilt.sqlite');
    await rebuildReadModels(store, rebuiltPath, { batchSize: 7, stateCacheSize: 3 });
    const rebuilt = dumpReadModel(rebuiltPath);
    const followed = dumpReadModel(livePath);
    for (const table of ['unit_handlings', 'commitments', 'unit_stat_buckets', 'key_suggestions', 'wake_ups', 'published_suggestions', 'notifications', 'notification_read_counts']) {
      expect({ table, empty: rebuilt[table]!.length === 0 }).toEqual({ table, empty: false });
    }
    expect(rebuilt.notification_read_counts).toEqual([
      { user_id: 'edu-officer', audience: 'unit:unit-edu', n: 3 },
      { user_id: 'staff-chen', audience: 'role:staff', n: 1 },
    ]);
    for (const table of Object.keys(followed)) expect({ table, rows: rebuilt[table] }).toEqual({ table, rows: followed[table] });

    // The read marks' counts come out the same when the writer thread runs the statements later.
    const threadedPath = dir.file('threaded.sqlite');
    await rebuildReadModels(store, threadedPath, { batchSize: 7, writerThread: true });
    const threaded = dumpReadModel(threadedPath);
    for (const table of Object.keys(followed)) expect({ table, rows: threaded[table] }).toEqual({ table, rows: followed[table] });
  });

  it('refuses the writer thread with a bounded state cache (evicted states are read back from their rows)', async () => {
    for (const step of randomHistory(5, 2)) await step(writer);
    const path = dir.file('rm.sqlite');
    await expect(rebuildReadModels(store, path, { order: 'global', stateCacheSize: 10, writerThread: true })).rejects.toThrow('stateCacheSize Infinity');
    expect(existsSync(path)).toBe(false);
  });

  it('reports progress up to the events in the store', async () => {
    for (const step of randomHistory(30, 3)) await step(writer);
    const seen: RebuildProgress[] = [];
    const result = await rebuildReadModels(store, dir.file('rm.sqlite'), { batchSize: 20, onProgress: (p) => seen.push(p) });

    const total = Number((await store.headPosition())!.commit);
    expect(seen.length).toBeGreaterThan(total / 20);
    expect(seen.every((p) => p.eventsTotal === total)).toBe(true);
    const done = seen.map((p) => p.eventsDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ eventsDone: total, eventsTotal: total });
    expect(result).toMatchObject({ events: total, checkpoint: { commit: BigInt(total) } });
    expect(result.eventsPerSecond).toBeGreaterThan(0);
  });

  it('leaves the old read model untouched when the rebuild fails, and ends the store\'s scan', async () => {
    for (const step of randomHistory(30, 5)) await step(writer);
    const path = dir.file('rm.sqlite');
    await rebuildReadModels(store, path, { batchSize: 20 });
    const before = dumpReadModel(path);
    await writer.submit('s-after', LI, '2026-06-01T01:00:00.000Z', '新建议', '内容');

    // The third page fails to read: through the store's read-ahead scan, and through readAll
    // paging for a store without one.
    let pagesScanned = 0;
    const scans: AsyncIterable<RecordedEvent[]>[] = [];
    const failingScan = withStore({
      scanAll: (options?: ScanAllOptions) => {
        const scan = store.scanAll(options);
        scans.push(scan);
        return (async function* () {
          for await (const page of scan) {
            if (++pagesScanned === 3) throw new Error('disk read error');
            yield page;
          }
        })();
      },
    });
    let pagesRead = 0;
    const failingReadAll = withStore({
      scanAll: undefined,
      readAll: async (options?: ReadAllOptions) => {
        if (++pagesRead === 3) throw new Error('disk read error');
        return store.readAll(options);
      },
    });

    let streamPagesScanned = 0;
    const failingStreamScan = withStore({
      scanStreams: (options: ScanStreamsOptions) => {
        const scan = store.scanStreams(options);
        scans.push(scan);
        return (async function* () {
          for await (const page of scan) {
            if (++streamPagesScanned === 2) throw new Error('disk read error');
            yield page;
          }
        })();
      },
    });

    for (const [failing, order] of [[failingScan, 'global'], [failingReadAll, 'global'], [failingStreamScan, 'streams']] as const) {
      await expect(rebuildReadModels(failing, path, { batchSize: 20, order })).rejects.toThrow('disk read error');
      expect(dumpReadModel(path)).toEqual(before);
      expect(readdirSync(dir.path).filter((f) => f.includes('rebuilding'))).toEqual([]);
    }
    expect(pagesScanned).toBe(3);
    expect(pagesRead).toBe(3);
    expect(streamPagesScanned).toBe(2);
    // The global scan, then the stream scan (the other streams were scanned by the plain store).
    expect(scans).toHaveLength(2);
    for (const scan of scans) expect((scan as unknown as { threadRunning: boolean }).threadRunning).toBe(false);
  });

  it('builds the same tables from a store without a scan of its own (paging readAll)', async () => {
    for (const step of interleave(DEMO_STEPS, randomHistory(20, 11))) await step(writer);
    const scanned = dir.file('scanned.sqlite');
    const paged = dir.file('paged.sqlite');
    let readAllCalls = 0;
    await rebuildReadModels(store, scanned, { batchSize: 30 });
    await rebuildReadModels(
      withStore({
        scanAll: undefined,
        scanStreams: undefined,
        readAll: (options?: ReadAllOptions) => {
          readAllCalls++;
          return store.readAll(options);
        },
      }),
      paged,
      { batchSize: 30 },
    );
    expect(readAllCalls).toBeGreaterThan(2);
    const expected = dumpReadModel(scanned);
    expect(expected.notifications!.length).toBeGreaterThan(50);
    expect(dumpReadModel(paged)).toEqual(expected);
  });

  /** The test's store with some of its methods replaced (undefined: the store has no such method). */
  function withStore(overrides: Partial<Record<keyof EventStore, unknown>>): EventStore {
    return new Proxy(store, {
      get(target, key, receiver) {
        if (Object.prototype.hasOwnProperty.call(overrides, key)) return overrides[key as keyof EventStore];
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as EventStore;
  }

  it('hands over a model the projector continues from, without replaying', async () => {
    for (const step of DEMO_STEPS) await step(writer);
    const path = dir.file('rm.sqlite');
    await rebuildReadModels(store, path);
    expect(existsSync(`${path}-wal`)).toBe(false);

    await writer.submit('s-after', LI, '2026-06-01T01:00:00.000Z', '关于夜间公交的建议', '建议开通夜间公交。');
    const projector = new Projector(store, path, { logger: quiet });
    expect(projector.wasReset).toBe(false);
    expect(await projector.catchUp()).toBe(1);
    await projector.close();

    const fresh = dir.file('fresh.sqlite');
    await rebuildReadModels(store, fresh);
    expect(dumpReadModel(path)).toEqual(dumpReadModel(fresh));
  });
});

/** Two histories' steps alternated, as two offices writing at once. */
function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!);
    if (i < b.length) out.push(b[i]!);
  }
  return out;
}
