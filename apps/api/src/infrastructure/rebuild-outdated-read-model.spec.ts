import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { createWorkingCalendar, NATIONAL_RULEBOOK } from '@duban/domain';
import { SqliteEventStore } from '@duban/event-store';
import { isCurrentReadModel, Projector, ReadModelQueries } from '@duban/read-models';
import { LI, STAFF, writeDemoHistory } from '@duban/read-models/testing/demo-scenario';
import { HistoryWriter } from '@duban/read-models/testing/history-writer';
import { tempDir } from '@duban/read-models/testing/temp-dir';
import { cleanStopNotePath, noteCleanStop } from './clean-stop-note';
import { markAt, writeStoreMark } from './read-model-store-mark';
import { rebuildOutdatedReadModel, stateCacheFor } from './rebuild-outdated-read-model';

const RULES = { rulebook: NATIONAL_RULEBOOK, calendar: createWorkingCalendar() };
const NOW = '2026-03-01T00:00:00.000Z';

describe('rebuilding a missing or outdated read model before the service serves', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let readModelPath: string;
  let lines: string[];
  const logger = { log: (m: unknown) => lines.push(String(m)), error: (m: unknown) => lines.push(String(m)), warn: (m: unknown) => lines.push(String(m)) };
  const open: Projector[] = [];

  beforeEach(() => {
    dir = tempDir();
    store = new SqliteEventStore({ path: dir.file('events.sqlite'), synchronous: 'normal' });
    readModelPath = dir.file('read-model.sqlite');
    lines = [];
  });

  afterEach(async () => {
    for (const p of open.splice(0)) await p.close();
    await store.close();
    dir.remove();
  });

  /** What the service does next: open the projector on the file and list as staff. */
  async function serve(): Promise<{ projector: Projector; replayed: number; listed: number }> {
    const projector = new Projector(store, readModelPath, RULES);
    open.push(projector);
    const replayed = await projector.catchUp();
    const listed = new ReadModelQueries(projector.database).listSuggestions({ page: 1, pageSize: 50 }, STAFF, NOW).total;
    return { projector, replayed, listed };
  }

  it('does nothing on a first start with an empty store: the projector creates the file', async () => {
    expect(await rebuildOutdatedReadModel(store, readModelPath, { rules: RULES, logger, headCountsEvents: true })).toBeNull();
    expect(existsSync(readModelPath)).toBe(false);
    expect(lines).toEqual([]);
  });

  it('rebuilds a lost file from the events, so the service starts with every list complete', async () => {
    await writeDemoHistory(new HistoryWriter(store));
    const events = (await store.readAll({ maxCount: 10_000 })).length;

    const result = await rebuildOutdatedReadModel(store, readModelPath, { rules: RULES, logger, headCountsEvents: true });

    expect(result?.events).toBe(events);
    expect(isCurrentReadModel(readModelPath)).toBe(true);
    const { projector, replayed, listed } = await serve();
    expect(projector.wasReset).toBe(false);
    expect(replayed).toBe(0);
    expect(listed).toBe(6);
    expect(lines[0]).toMatch(/missing or of another schema version/);
    expect(lines.at(-1)).toMatch(new RegExp(`read models rebuilt: ${events} events`));
  });

  it('replaces a read model of an older schema version', async () => {
    await writeDemoHistory(new HistoryWriter(store));
    const old = new Database(readModelPath);
    old.exec('CREATE TABLE timeline (suggestion_id TEXT, revision INTEGER); PRAGMA user_version = 5;');
    old.close();
    expect(isCurrentReadModel(readModelPath)).toBe(false);

    expect(await rebuildOutdatedReadModel(store, readModelPath, { rules: RULES, logger, headCountsEvents: true })).not.toBeNull();

    const { projector, listed } = await serve();
    expect(projector.wasReset).toBe(false);
    expect(listed).toBe(6);
    const tables = projector.database.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all();
    expect(tables).not.toContain('timeline');
  });

  it('leaves a current read model alone: the projector catches up what it has not seen', async () => {
    await writeDemoHistory(new HistoryWriter(store));
    await rebuildOutdatedReadModel(store, readModelPath, { rules: RULES, logger, headCountsEvents: true });
    const built = statSync(readModelPath).mtimeMs;
    await new HistoryWriter(store).submit('s-later', LI, '2026-02-20T01:00:00.000Z', '关于夜间公交的建议', '建议开通夜间公交。');
    lines = [];

    expect(await rebuildOutdatedReadModel(store, readModelPath, { rules: RULES, logger, headCountsEvents: true })).toBeNull();

    expect(lines).toEqual([]);
    expect(statSync(readModelPath).mtimeMs).toBe(built);
    const { projector, replayed, listed } = await serve();
    expect(projector.wasReset).toBe(false);
    expect(replayed).toBe(1);
    expect(listed).toBe(7);
  });

  it('keeps every state when they fit in half the heap, bounds them when not or when the count is unknown', async () => {
    const GiB = 1024 ** 3;
    expect(stateCacheFor(1_035_698, 4 * GiB)).toBeUndefined();
    expect(stateCacheFor(1_035_698, 1 * GiB)).toBe(29_826);
    expect(stateCacheFor(100, 0.01 * GiB)).toBeUndefined();
    expect(stateCacheFor(null, 4 * GiB)).toBe(119_304);
    expect(stateCacheFor(10_000_000, 0.02 * GiB)).toBe(1_000);

    // A bounded rebuild gives the same model: the service starts as complete on a small heap.
    await writeDemoHistory(new HistoryWriter(store));
    expect(await rebuildOutdatedReadModel(store, readModelPath, { rules: RULES, logger, headCountsEvents: false })).not.toBeNull();
    expect(lines.some((line) => /at most \d+ folded suggestions in memory/.test(line))).toBe(true);
    expect((await serve()).listed).toBe(6);
  });

  describe('a read model that does not match its store', () => {
    let other: SqliteEventStore;
    beforeEach(() => {
      other = new SqliteEventStore({ path: dir.file('other-events.sqlite'), synchronous: 'normal' });
    });
    afterEach(() => other.close());

    /** The read model as a running service leaves it: built from `store`, its mark recorded. */
    async function servedFrom(source: SqliteEventStore): Promise<void> {
      await rebuildOutdatedReadModel(source, readModelPath, { rules: RULES, logger, headCountsEvents: true });
      const head = (await source.headPosition())!;
      const db = new Database(readModelPath);
      writeStoreMark(db, (await markAt(source, head, true))!);
      db.close();
      lines = [];
    }

    it('rebuilds one ahead of its store (the store was restored from an older backup), saying by how much', async () => {
      await writeDemoHistory(new HistoryWriter(store));
      await servedFrom(store);
      await new HistoryWriter(other).submit('s-only', LI, '2026-02-20T01:00:00.000Z', '关于夜间公交的建议', '建议开通夜间公交。');
      const behind = Number((await store.headPosition())!.commit - (await other.headPosition())!.commit);

      expect(await rebuildOutdatedReadModel(other, readModelPath, { rules: RULES, logger, headCountsEvents: true })).not.toBeNull();

      expect(lines[0]).toMatch(new RegExp(`is ahead of the event store by ${behind} events .*older backup: rebuilding`));
      store = other;
      expect((await serve()).listed).toBe(1);
      store = new SqliteEventStore({ path: dir.file('events.sqlite'), synchronous: 'normal' });
    });

    it('rebuilds one built from another history, even when the store has as many events', async () => {
      await writeDemoHistory(new HistoryWriter(store));
      await servedFrom(store);
      // The same scenario written again: same streams and revisions, other event ids and hashes.
      await writeDemoHistory(new HistoryWriter(other));
      await new HistoryWriter(other).submit('s-later', LI, '2026-02-20T01:00:00.000Z', '关于夜间公交的建议', '建议开通夜间公交。');

      expect(await rebuildOutdatedReadModel(other, readModelPath, { rules: RULES, logger, headCountsEvents: true })).not.toBeNull();
      expect(lines[0]).toMatch(/was built from another history/);
    });

    it('leaves one alone whose mark the store still holds (the usual restart)', async () => {
      await writeDemoHistory(new HistoryWriter(store));
      await servedFrom(store);
      expect(await rebuildOutdatedReadModel(store, readModelPath, { rules: RULES, logger, headCountsEvents: true })).toBeNull();
      expect(lines).toEqual([]);
    });

    it('rebuilds one whose pages are damaged (quick_check), and the rebuilt file is sound', async () => {
      await writeDemoHistory(new HistoryWriter(store));
      await servedFrom(store);
      damageMiddleOf(readModelPath);

      expect(await rebuildOutdatedReadModel(store, readModelPath, { rules: RULES, logger, headCountsEvents: true })).not.toBeNull();

      expect(lines[0]).toMatch(/is damaged \(quick_check: .+\): rebuilding/);
      const db = new Database(readModelPath, { readonly: true });
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      db.close();
      expect((await serve()).listed).toBe(6);
    });

    it('after a clean stop, serves the file as that stop left it without reading every page (quick_check), and takes the note', async () => {
      await writeDemoHistory(new HistoryWriter(store));
      await servedFrom(store);
      noteCleanStop(readModelPath);
      const pragma = jest.spyOn(Database.prototype, 'pragma');
      try {
        expect(await rebuildOutdatedReadModel(store, readModelPath, { rules: RULES, logger, headCountsEvents: true })).toBeNull();
        expect(pragma.mock.calls.filter(([source]) => String(source).startsWith('quick_check'))).toEqual([]);
        expect(existsSync(cleanStopNotePath(readModelPath))).toBe(false);
        // The note was taken: the next start (as after a crash) checks the pages again.
        expect(await rebuildOutdatedReadModel(store, readModelPath, { rules: RULES, logger, headCountsEvents: true })).toBeNull();
        expect(pragma.mock.calls.filter(([source]) => String(source).startsWith('quick_check'))).toHaveLength(1);
      } finally {
        pragma.mockRestore();
      }
      expect(lines).toEqual([]);
    });

    it('checks a file changed since the clean stop was noted', async () => {
      await writeDemoHistory(new HistoryWriter(store));
      await servedFrom(store);
      noteCleanStop(readModelPath);
      damageMiddleOf(readModelPath);

      expect(await rebuildOutdatedReadModel(store, readModelPath, { rules: RULES, logger, headCountsEvents: true })).not.toBeNull();
      expect(lines[0]).toMatch(/is damaged \(quick_check/);
    });
  });
});

/** Garbage over the middle third of a file's pages, as a failing disk or a stray write leaves it. */
function damageMiddleOf(file: string): void {
  const size = statSync(file).size;
  const pageSize = 4096;
  const start = Math.floor(size / 3 / pageSize) * pageSize;
  const garbage = Buffer.alloc(Math.max(pageSize, Math.floor(size / 3 / pageSize) * pageSize), 0);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, garbage, 0, garbage.length, start);
  } finally {
    closeSync(fd);
  }
}
