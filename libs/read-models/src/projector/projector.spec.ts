import { createWorkingCalendar, NATIONAL_RULEBOOK, nextWakeUp, suggestionStreamId, type Rulebook } from '@duban/domain';
import { comparePositions, SqliteEventStore, type Position, type ReadAllOptions, type RecordedEvent } from '@duban/event-store';
import Database from 'better-sqlite3';
import { firstValueFrom, take, toArray } from 'rxjs';
import { ReadModelQueries } from '../queries/read-model-queries';
import { READ_MODEL_SCHEMA_VERSION } from '../schema/read-model-schema';
import type { AppliedEvent } from '../projection/applied-event';
import { DEMO_STEPS, DEMO_SUGGESTION_IDS, EDU, LI, STAFF, WANG, writeDemoHistory } from '../testing/demo-scenario';
import { dumpReadModel } from '../testing/dump-read-model';
import { HistoryWriter } from '../testing/history-writer';
import { tempDir } from '../testing/temp-dir';
import { Projector } from './projector';
import type { ProjectorLogger } from './projector-logger';

describe('Projector', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let writer: HistoryWriter;
  const open: Projector[] = [];

  const projector = (options: ConstructorParameters<typeof Projector>[2] = {}, path = dir.file('read-model.sqlite')) => {
    const p = new Projector(store, path, { logger: quietLogger(), ...options });
    open.push(p);
    return p;
  };

  beforeEach(() => {
    dir = tempDir();
    store = new SqliteEventStore({ path: dir.file('events.sqlite'), synchronous: 'normal', pollIntervalMs: 50 });
    writer = new HistoryWriter(store);
  });

  afterEach(async () => {
    for (const p of open.splice(0)) await p.close();
    await store.close();
    dir.remove();
  });

  it('catches up: each suggestion row holds the state the domain folds from its stream, with its revision', async () => {
    await writeDemoHistory(writer);
    const p = projector();
    const applied = await p.catchUp();

    expect(applied).toBe((await store.readAll({ maxCount: 10_000 })).length);
    const queries = new ReadModelQueries(p.database);
    for (const id of DEMO_SUGGESTION_IDS) {
      const { state, revision } = await writer.state(id);
      expect(queries.getSuggestion(id)).toEqual({ ...state, revision });
    }
    expect(queries.getSuggestion('s-missing')).toBeNull();
  });

  it('projects users and units without ever storing a password hash', async () => {
    await writeDemoHistory(writer);
    const p = projector();
    await p.catchUp();

    const queries = new ReadModelQueries(p.database);
    expect(queries.getUser('edu-officer')).toEqual({ id: 'edu-officer', displayName: '教育局联络员', role: 'unit', unitId: 'unit-edu' });
    expect(queries.getUser('dep-li')).toEqual({ id: 'dep-li', displayName: '李代表', role: 'deputy' });
    expect(queries.listUsers('deputy').map((u) => u.id)).toEqual(['dep-li', 'dep-wang', 'dep-zhao']);
    expect(queries.listUnits()).toEqual([
      { id: 'unit-edu', name: '市教育局' },
      { id: 'unit-health', name: '市卫生健康委员会' },
      { id: 'unit-traffic', name: '市交通运输局' },
    ]);
    expect(queries.getUnit('unit-none')).toBeNull();
    expect(JSON.stringify(dumpReadModel(dir.file('read-model.sqlite')))).not.toContain('scrypt$');
  });

  it('follows new appends once started, and waitFor resolves when a write is readable', async () => {
    const p = projector();
    await p.start();
    const seen = firstValueFrom(p.applied$.pipe(take(2), toArray()));

    const first = await writer.submit('s-live', LI, '2026-04-01T01:00:00.000Z', '关于增设口袋公园的建议', '建议利用边角地建设口袋公园。');
    const second = await writer.command('s-live', STAFF, '2026-04-02T01:00:00.000Z', { type: 'AcceptSuggestion', data: {} });
    expect(await p.waitFor(second.position, 5000)).toBe(true);

    const queries = new ReadModelQueries(p.database);
    expect(queries.getSuggestion('s-live')).toMatchObject({ status: 'accepted', revision: 1 });
    const events = await seen;
    expect(events.map((e) => e.position)).toEqual([first.position, second.position]);
    expect(comparePositions(p.checkpoint()!, second.position)).toBe(0);
  });

  it('says with each applied suggestion event who may see it, after the event (a newly assigned unit included)', async () => {
    const p = projector();
    await p.start();
    const seen = firstValueFrom(p.applied$.pipe(take(4), toArray()));
    await writer.submit('s-live', LI, '2026-04-01T01:00:00.000Z', '关于增设口袋公园的建议', '建议利用边角地建设口袋公园。', ['dep-wang']);
    await writer.command('s-live', STAFF, '2026-04-02T01:00:00.000Z', { type: 'AcceptSuggestion', data: {} });
    await writer.command('s-live', STAFF, '2026-04-03T01:00:00.000Z', { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['unit-edu'] } });
    const marked = await writer.markRead(WANG, ['s-live@3@user:dep-wang'], '2026-04-04T01:00:00.000Z');
    const events: AppliedEvent[] = await seen;
    expect(events.map((e) => [e.type, e.suggestionId, e.visibleTo])).toEqual([
      ['SuggestionSubmitted', 's-live', { deputyIds: ['dep-li', 'dep-wang'], unitIds: [] }],
      ['SuggestionAccepted', 's-live', { deputyIds: ['dep-li', 'dep-wang'], unitIds: [] }],
      ['SuggestionAssigned', 's-live', { deputyIds: ['dep-li', 'dep-wang'], unitIds: ['unit-edu'] }],
      ['NotificationsRead', undefined, undefined],
    ]);
    expect(events[3]).toMatchObject({ streamId: 'inbox-dep-wang', revision: 0n, position: marked.position });
    // What the unit may see is committed before the event is published.
    expect(new ReadModelQueries(p.database).canView(EDU, 's-live')).toBe(true);
  });

  it('places wake-ups with the rulebook and calendar it is given', async () => {
    await writeDemoHistory(writer);
    // Reminders five working days ahead instead of three: every wake-up with a reminder moves earlier.
    const rulebook: Rulebook = { ...NATIONAL_RULEBOOK, remindBefore: { amount: 5, unit: 'wd' } };
    const calendar = createWorkingCalendar();
    const p = projector({ rulebook, calendar });
    await p.catchUp();
    const queries = new ReadModelQueries(p.database);
    const { state } = await writer.state('s-bus');
    const wake = nextWakeUp(state, rulebook, calendar)!;
    expect(wake < nextWakeUp(state, NATIONAL_RULEBOOK, calendar)!).toBe(true);
    expect(queries.dueForScheduler(wake, 10)).toContain('s-bus');
    expect(queries.dueForScheduler(new Date(Date.parse(wake) - 1).toISOString(), 10)).not.toContain('s-bus');
  });

  it('waitFor answers false when the position is not reached in time, and true at once when it was', async () => {
    const first = await writer.submit('s-a', LI, '2026-04-01T01:00:00.000Z', '标题', '内容');
    const p = projector();
    await p.catchUp();

    expect(await p.waitFor(first.position, 0)).toBe(true);
    const later: Position = { commit: first.position.commit + 100n, prepare: first.position.commit + 100n };
    const started = Date.now();
    expect(await p.waitFor(later, 100)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('continues where a stopped projector left off: every event once, same tables as one run', async () => {
    // Half the history, projected and the projector closed ("the service stopped")…
    const half = Math.floor(DEMO_STEPS.length / 2);
    for (const step of DEMO_STEPS.slice(0, half)) await step(writer);
    const first = projector({ batchSize: 3, stateCacheSize: 2 });
    await first.catchUp();
    await first.close();

    // …then the rest, projected by a new projector on the same file.
    for (const step of DEMO_STEPS.slice(half)) await step(writer);
    const second = projector({ batchSize: 3, stateCacheSize: 2 });
    const applied = await second.catchUp();
    await second.close();

    const oneRun = projector({}, dir.file('one-run.sqlite'));
    const total = await oneRun.catchUp();
    expect(applied).toBeLessThan(total);
    expect(dumpReadModel(dir.file('read-model.sqlite'))).toEqual(dumpReadModel(dir.file('one-run.sqlite')));
  });

  it('applies an event once even when the store hands it out again', async () => {
    await writeDemoHistory(writer);
    // Every page starts two events before the checkpoint, as a re-delivering subscription would.
    const repeating = storeWith(store, (events) => events, (options) =>
      options?.after ? { ...options, after: { commit: options.after.commit - 2n, prepare: options.after.prepare - 2n } } : options,
    );
    const p = new Projector(repeating, dir.file('read-model.sqlite'), { batchSize: 5, logger: quietLogger() });
    open.push(p);
    const applied = await p.catchUp();
    await p.close();

    const oneRun = projector({}, dir.file('one-run.sqlite'));
    expect(applied).toBe(await oneRun.catchUp());
    expect(dumpReadModel(dir.file('read-model.sqlite'))).toEqual(dumpReadModel(dir.file('one-run.sqlite')));
  });

  it('rolls back a batch that fails midway, parks the broken event, and releases it on a restart that reads it intact', async () => {
    await writeDemoHistory(writer);
    const all = await store.readAll({ maxCount: 10_000 });
    // A store that hands out one broken event in the middle of a batch (a revision that does not follow).
    const brokenAt = all.findIndex((e) => e.type === 'SuggestionAnswered');
    const faulty = storeWith(store, (events) =>
      events.map((e) => (e === all[brokenAt] || samePosition(e, all[brokenAt]!) ? { ...e, revision: e.revision + 5n } : e)),
    );
    const logger = quietLogger();
    const crashing = new Projector(faulty, dir.file('read-model.sqlite'), { batchSize: 7, logger });
    open.push(crashing);

    // Every event but the broken one and those after it in its stream is applied; nothing stops.
    await crashing.catchUp();
    expect(crashing.checkpoint()).toEqual(all[all.length - 1]!.position);
    expect(crashing.status()).toMatchObject({ error: null, parkedCount: 1 });
    const schoolEvents = all.filter((e) => e.streamId === 'suggestion-s-school');
    expect(crashing.status().parked).toEqual([
      expect.objectContaining({ streamId: 'suggestion-s-school', revision: 8, type: 'SuggestionAnswered', events: schoolEvents.length - 3 }),
    ]);
    expect(crashing.status().parked[0]!.error).toMatch(/expected revision 3 of suggestion-s-school, got 8/);
    expect(logger.errors.join('\n')).toMatch(/projector parked suggestion-s-school/);
    // Rows and checkpoint stay together: s-school's rows are as of the revision before the broken one.
    expect(new ReadModelQueries(crashing.database).getSuggestion('s-school')).toMatchObject({ revision: 2 });
    expect(suggestionEventsApplied(crashing.database)).toBe(all.filter((e) => e.streamId.startsWith('suggestion-')).length - (schoolEvents.length - 3));
    await crashing.close();

    // Restarted on the intact store: the parked stream is read again, applies, and is released.
    const resumed = projector({ batchSize: 7 });
    await resumed.start();
    expect(resumed.status()).toMatchObject({ parkedCount: 0, parked: [] });
    const duplicates = resumed.database
      .prepare('SELECT suggestion_id, revision, audience, count(*) AS n FROM notifications GROUP BY 1, 2, 3 HAVING n > 1')
      .all();
    expect(duplicates).toEqual([]);
    await resumed.close();

    const oneRun = projector({}, dir.file('one-run.sqlite'));
    await oneRun.catchUp();
    // The released stream's notifications were written last: the same rows, later in the inbox order.
    expect(inSuggestionOrder(dumpReadModel(dir.file('read-model.sqlite')))).toEqual(inSuggestionOrder(dumpReadModel(dir.file('one-run.sqlite'))));
  });

  it('parks a poison event with a clear error instead of stopping, and keeps projecting everything else', async () => {
    await writer.submit('s-a', LI, '2026-04-01T01:00:00.000Z', '标题', '内容');
    // A stream whose first event is not a submission: no suggestion can come of it.
    await store.appendToStream('suggestion-s-broken', [
      { type: 'SuggestionAccepted', data: { assignDueAt: '2026-04-10T16:00:00.000Z' }, metadata: meta() },
    ]);
    await store.appendToStream('suggestion-s-broken', [{ type: 'SuggestionWithdrawn', data: { reason: '撤回' }, metadata: meta() }], {
      expectedRevision: 0n,
    });
    const poison = await store.readStream('suggestion-s-broken');
    const logger = quietLogger();
    const p = new Projector(store, dir.file('read-model.sqlite'), { logger });
    open.push(p);
    const appliedError = jest.fn();
    p.applied$.subscribe({ error: appliedError });

    await p.start();
    expect(p.status()).toMatchObject({ running: true, error: null, parkedCount: 1 });
    expect(p.status().parked).toEqual([
      expect.objectContaining({ streamId: 'suggestion-s-broken', revision: 0, type: 'SuggestionAccepted', events: 2, attempts: 1 }),
    ]);
    expect(p.status().parked[0]!.error).toMatch(/SuggestionAccepted at revision 0 of suggestion-s-broken leaves no suggestion/);
    expect(logger.errors.join('\n')).toMatch(/projector parked suggestion-s-broken.*leaves no suggestion/);
    expect(await p.waitFor(poison[1]!.position, 1000)).toBe(true);
    expect(new ReadModelQueries(p.database).getSuggestion('s-a')).toMatchObject({ status: 'submitted' });
    expect(new ReadModelQueries(p.database).getSuggestion('s-broken')).toBeNull();

    // Later appends to other streams keep flowing while the stream stays parked.
    const later = await writer.submit('s-b', LI, '2026-04-02T01:00:00.000Z', '另一条建议', '内容');
    expect(await p.waitFor(later.position, 5000)).toBe(true);
    expect(new ReadModelQueries(p.database).getSuggestion('s-b')).toMatchObject({ status: 'submitted' });
    expect(appliedError).not.toHaveBeenCalled();

    // Retrying changes nothing while the events stay what they are: the attempt is counted.
    expect(await p.retryParked()).toEqual({
      released: [],
      stillParked: [{ streamId: 'suggestion-s-broken', error: expect.stringMatching(/leaves no suggestion/) }],
    });
    expect(p.status().parked[0]).toMatchObject({ attempts: 2 });
  });

  it('replays everything when the stored schema version is not the code’s', async () => {
    await writeDemoHistory(writer);
    const path = dir.file('read-model.sqlite');
    const first = projector({}, path);
    await first.catchUp();
    expect(first.wasReset).toBe(true);
    await first.close();
    const expected = dumpReadModel(path);

    // An older version left its own table and a stale row behind.
    const db = new Database(path);
    db.exec(`CREATE TABLE legacy_list (id TEXT); UPDATE suggestions SET title = '旧数据' WHERE id = 's-bus'`);
    db.pragma(`user_version = ${READ_MODEL_SCHEMA_VERSION - 1}`);
    db.close();

    const reopened = projector({}, path);
    expect(reopened.wasReset).toBe(true);
    expect(reopened.checkpoint()).toBeNull();
    await reopened.catchUp();
    await reopened.close();
    expect(dumpReadModel(path)).toEqual(expected);
    const check = new Database(path, { readonly: true });
    expect(check.prepare(`SELECT name FROM sqlite_schema WHERE name = 'legacy_list'`).all()).toEqual([]);
    check.close();

    const same = projector({}, path);
    expect(same.wasReset).toBe(false);
  });
});

function quietLogger(): ProjectorLogger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, log: () => undefined, error: (message) => errors.push(message) };
}

/** Suggestion events whose effects are in the rows: each row's revision + 1 (revisions start at 0). */
function suggestionEventsApplied(db: Database.Database): number {
  return (db.prepare('SELECT coalesce(sum(revision + 1), 0) AS n FROM suggestions').get() as { n: number }).n;
}

/** The dump with notifications ordered by what caused them instead of their sequence number. */
function inSuggestionOrder(dump: Record<string, unknown[]>): Record<string, unknown[]> {
  const notifications = (dump.notifications as { seq: number; suggestion_id: string; revision: number; audience: string }[])
    .map(({ seq: _seq, ...rest }) => rest)
    .sort((a, b) => `${a.suggestion_id}|${a.revision}|${a.audience}`.localeCompare(`${b.suggestion_id}|${b.revision}|${b.audience}`));
  return { ...dump, notifications };
}

function samePosition(a: RecordedEvent, b: RecordedEvent): boolean {
  return comparePositions(a.position, b.position) === 0;
}

/** The real store, with readAll's options and pages passed through the given changes. */
function storeWith(
  store: SqliteEventStore,
  change: (events: RecordedEvent[]) => RecordedEvent[],
  changeOptions: (options?: ReadAllOptions) => ReadAllOptions | undefined = (options) => options,
): SqliteEventStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'readAll') return async (options?: ReadAllOptions) => change(await target.readAll(changeOptions(options)));
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function meta() {
  return {
    eventId: `e-${Math.random()}`,
    actor: STAFF,
    occurredAt: '2026-04-02T01:00:00.000Z',
    correlationId: 'c',
    causationId: null,
    schemaVersion: 1,
  };
}
