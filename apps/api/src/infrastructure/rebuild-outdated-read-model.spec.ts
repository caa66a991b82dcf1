import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { createWorkingCalendar, NATIONAL_RULEBOOK } from '@duban/domain';
import { SqliteEventStore } from '@duban/event-store';
import { isCurrentReadModel, Projector, ReadModelQueries } from '@duban/read-models';
import { LI, STAFF, writeDemoHistory } from '@duban/read-models/testing/demo-scenario';
import { HistoryWriter } from '@duban/read-models/testing/history-writer';
import { tempDir } from '@duban/read-models/testing/temp-dir';
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
});
