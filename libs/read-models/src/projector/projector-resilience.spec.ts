import { suggestionDecider } from '@duban/domain';
import { SqliteEventStore } from '@duban/event-store';
import Database from 'better-sqlite3';
import { ReadModelQueries } from '../queries/read-model-queries';
import { rebuildReadModels } from '../rebuild/rebuild-read-models';
import { DEMO_STEPS, EDU, LI, STAFF } from '../testing/demo-scenario';
import { dumpReadModel } from '../testing/dump-read-model';
import { HistoryWriter } from '../testing/history-writer';
import { tempDir } from '../testing/temp-dir';
import { Projector } from './projector';
import type { ProjectorLogger } from './projector-logger';

/** The demo up to s-school's assignment to 市教育局 (its answer comes next). */
const UNTIL_SCHOOL_ASSIGNED = 14;

describe('Projector resilience', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let writer: HistoryWriter;
  const open: Projector[] = [];

  const projector = (options: ConstructorParameters<typeof Projector>[2] = {}, path = dir.file('read-model.sqlite')) => {
    const p = new Projector(store, path, { logger: quietLogger(), ...options });
    open.push(p);
    return p;
  };

  beforeEach(async () => {
    dir = tempDir();
    store = new SqliteEventStore({ path: dir.file('events.sqlite'), synchronous: 'normal', pollIntervalMs: 20 });
    writer = new HistoryWriter(store);
    for (const step of DEMO_STEPS.slice(0, UNTIL_SCHOOL_ASSIGNED)) await step(writer);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    for (const p of open.splice(0)) await p.close();
    await store.close();
    dir.remove();
  });

  it('projects a commitment due at the end of 9999 (Beijing: year 10000) instead of throwing, never counted overdue', async () => {
    // The api now refuses such a date; an older service stored it: appended here as that one did.
    await appendWithDueChanged(store, '2030-06-30T16:00:00.000Z', '9999-12-31T23:59:59Z', () =>
      writer.command('s-school', EDU, '2026-02-10T02:00:00.000Z', {
        type: 'AnswerSuggestion',
        data: { category: 'B', content: '列入明年计划。', signedBy: '教育局局长', commitments: [{ description: '建成新校区', dueAt: '2030-06-30T16:00:00.000Z' }] },
      }),
    );
    const p = projector();
    await p.start();

    expect(p.status().parked).toEqual([]);
    expect(p.status()).toMatchObject({ error: null, parkedCount: 0 });
    const queries = new ReadModelQueries(p.database);
    expect(queries.getSuggestion('s-school')).toMatchObject({ status: 'answered', revision: 3 });
    const months = p.database.prepare('SELECT DISTINCT due_month FROM open_commitment_buckets').all();
    expect(months).toEqual([{ due_month: '9999-12' }]);
    const edu = queries.unitStats({ now: '2027-01-01T00:00:00.000Z' }).find((u) => u.unitId === 'unit-edu')!;
    expect(edu.commitments).toMatchObject({ made: 1, overdue: 0 });
    // The rating the deputy still owes keeps its real wake-up; the far commitment does not hide it.
    expect(queries.dueForScheduler('2026-12-31T00:00:00.000Z', 10)).toContain('s-school');
  });

  it('retries a disk-full read model with backoff, keeps its checkpoint, and recovers by itself once there is room', async () => {
    const p = projector({ retryBackoff: { initialMs: 20, maxMs: 200 } });
    await p.start();
    const before = p.checkpoint();
    // A real SQLITE_FULL: the read-model file may not grow by a single page from now on.
    const pages = p.database.pragma('page_count', { simple: true }) as number;
    p.database.pragma(`max_page_count = ${pages}`);

    let last = await writer.submit('s-full', LI, '2026-03-01T01:00:00.000Z', '磁盘已满时提交的建议', '内容'.repeat(2000));
    for (let i = 0; i < 5; i++) {
      last = await writer.submit(`s-full-${i}`, LI, '2026-03-01T01:00:00.000Z', `建议 ${i}`, '内容'.repeat(2000));
    }
    await until(() => p.status().retrying, () => p.status());
    expect(p.status()).toMatchObject({ running: false, retrying: true, error: null, parkedCount: 0 });
    expect(p.status().lastTransientError).toMatch(/SQLITE_FULL|full/i);
    expect(p.status().nextRetryAt).not.toBeNull();
    expect(p.checkpoint()).toEqual(before);
    expect(await p.waitFor(last.position, 300)).toBe(false);

    p.database.pragma('max_page_count = 1073741823');
    expect(await p.waitFor(last.position, 5000)).toBe(true);
    await until(() => p.status().running, () => p.status());
    expect(p.status()).toMatchObject({ retrying: false, lastTransientError: null, nextRetryAt: null, parkedCount: 0 });
    // Still following: a later append arrives without a restart.
    const after = await writer.command('s-full', STAFF, '2026-03-02T01:00:00.000Z', { type: 'AcceptSuggestion', data: {} });
    expect(await p.waitFor(after.position, 5000)).toBe(true);
    await p.close();

    const oneRun = projector({}, dir.file('one-run.sqlite'));
    await oneRun.catchUp();
    await oneRun.close();
    expect(dumpReadModel(dir.file('read-model.sqlite'))).toEqual(dumpReadModel(dir.file('one-run.sqlite')));
  });

  it('releases a stream parked by a projection bug once the fixed projection retries it (route or restart)', async () => {
    // A projection bug: folding s-school's answer throws (the events themselves are fine).
    const evolve = suggestionDecider.evolve.bind(suggestionDecider);
    const bug = jest.spyOn(suggestionDecider, 'evolve').mockImplementation((state, event) => {
      if (event.type === 'SuggestionAnswered') throw new Error('projection bug: cannot fold an answer');
      return evolve(state, event);
    });
    for (const step of DEMO_STEPS.slice(UNTIL_SCHOOL_ASSIGNED)) await step(writer);
    const p = projector();
    await p.start();
    expect(p.status().parked).toEqual([expect.objectContaining({ streamId: 'suggestion-s-school', revision: 3, events: 3 })]);
    const queries = new ReadModelQueries(p.database);
    expect(queries.getSuggestion('s-school')).toMatchObject({ status: 'assigned', revision: 2 });
    expect(queries.getSuggestion('s-new')).toMatchObject({ status: 'submitted' });

    // A rebuild with the bug parks the same stream and completes.
    const rebuilt = await rebuildReadModels(store, dir.file('rebuilt.sqlite'), { batchSize: 5 });
    expect(rebuilt.parkedCount).toBe(1);
    expect(rebuilt.parked.map((s) => [s.streamId, s.revision])).toEqual([['suggestion-s-school', 3]]);

    // Fixed: the retry applies the parked events to the rows of the revision before them.
    bug.mockRestore();
    expect(await p.retryParked()).toEqual({ released: ['suggestion-s-school'], stillParked: [] });
    expect(p.status()).toMatchObject({ parkedCount: 0, parked: [] });
    const { state, revision } = await writer.state('s-school');
    expect(queries.getSuggestion('s-school')).toEqual({ ...state, revision });
    await p.close();

    // The rebuilt file's parked stream is released by a projector's start, as after a deploy.
    const restarted = projector({}, dir.file('rebuilt.sqlite'));
    await restarted.start();
    expect(restarted.status().parkedCount).toBe(0);
    await restarted.close();
    const oneRun = projector({}, dir.file('one-run.sqlite'));
    await oneRun.catchUp();
    await oneRun.close();
    const expected = withoutNotificationOrder(dumpReadModel(dir.file('one-run.sqlite')));
    expect(withoutNotificationOrder(dumpReadModel(dir.file('read-model.sqlite')))).toEqual(expected);
    expect(withoutNotificationOrder(dumpReadModel(dir.file('rebuilt.sqlite')))).toEqual(expected);
  });

  it('a rebuild parks what the projection rejects and completes, with the same tables as the live projector', async () => {
    await store.appendToStream('suggestion-s-school', [{ type: 'SuggestionTeleported', data: {}, metadata: meta() }], { expectedRevision: 2n });
    await writer.submit('s-later', LI, '2026-04-01T01:00:00.000Z', '之后的建议', '内容');
    const isolating = jest.fn();
    const result = await rebuildReadModels(store, dir.file('rebuilt.sqlite'), { batchSize: 4, onIsolating: isolating });
    expect(isolating).toHaveBeenCalledTimes(1);
    expect(result.parkedCount).toBe(1);
    expect(result.parked[0]).toMatchObject({ streamId: 'suggestion-s-school', revision: 3, type: 'SuggestionTeleported' });

    const live = projector();
    await live.catchUp();
    await live.close();
    const withoutTimes = (path: string) => {
      const dump = dumpReadModel(path);
      return { ...dump, parked_events: (dump.parked_events as Record<string, unknown>[]).map(({ first_failed_at: _at, ...row }) => row) };
    };
    expect(withoutTimes(dir.file('rebuilt.sqlite'))).toEqual(withoutTimes(dir.file('read-model.sqlite')));
    const check = new Database(dir.file('rebuilt.sqlite'), { readonly: true });
    expect(new ReadModelQueries(check).getSuggestion('s-later')).toMatchObject({ status: 'submitted' });
    check.close();
  });
});

/**
 * Runs `write` against a store whose appends have `from` replaced by `to` in their data: an event
 * the decider of today would refuse, stored as an older service (or a future bug) stored it.
 */
async function appendWithDueChanged(store: SqliteEventStore, from: string, to: string, write: () => Promise<unknown>): Promise<void> {
  const append = store.appendToStream.bind(store);
  const spy = jest.spyOn(store, 'appendToStream').mockImplementation((streamId, events, options) =>
    append(streamId, events.map((e) => ({ ...e, data: JSON.parse(JSON.stringify(e.data).split(from).join(to)) as unknown })), options),
  );
  try {
    await write();
  } finally {
    spy.mockRestore();
  }
}

function quietLogger(): ProjectorLogger {
  return { log: () => undefined, error: () => undefined };
}

async function until(condition: () => boolean, describe: () => unknown, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met in time: ${JSON.stringify(describe(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Notifications by what caused them: a released stream's come later in the inbox order. */
function withoutNotificationOrder(dump: Record<string, unknown[]>): Record<string, unknown[]> {
  const notifications = (dump.notifications as { seq: number; suggestion_id: string; revision: number; audience: string }[])
    .map(({ seq: _seq, ...rest }) => rest)
    .sort((a, b) => `${a.suggestion_id}|${a.revision}|${a.audience}`.localeCompare(`${b.suggestion_id}|${b.revision}|${b.audience}`));
  return { ...dump, notifications };
}

function meta() {
  return {
    eventId: `e-${Math.random()}`,
    actor: STAFF,
    occurredAt: '2026-03-01T01:00:00.000Z',
    correlationId: 'c',
    causationId: null,
    schemaVersion: 1,
  };
}
