import { createWorkingCalendar, NATIONAL_RULEBOOK, SUGGESTION_STATUSES, type Actor } from '@duban/domain';
import { SqliteEventStore } from '@duban/event-store';
import { Projector } from '../projector/projector';
import type { SuggestionListFilter } from '../read-model.types';
import { EDU, HEALTH, LI, STAFF, SUPERVISOR, TRAFFIC, WANG, writeDemoHistory, ZHAO } from '../testing/demo-scenario';
import { HistoryWriter } from '../testing/history-writer';
import { tempDir } from '../testing/temp-dir';
import { ReadModelQueries } from './read-model-queries';

/**
 * Over the demo history (see testing/demo-scenario.ts). Due times the domain gave them:
 * s-key 2026-02-13T16:00Z (assign target), s-school 2026-03-20T16:00Z (re-handling),
 * s-bus 2026-04-13T16:00Z, s-return 2026-04-27T16:00Z (answers); s-new and s-reject none.
 */
describe('ReadModelQueries', () => {
  const dir = tempDir();
  let store: SqliteEventStore;
  let projector: Projector;
  let queries: ReadModelQueries;
  const MARCH_1 = '2026-03-01T00:00:00.000Z';
  const ADMIN: Actor = { userId: 'admin', role: 'admin' };

  const ids = (viewer: Actor, filter: Partial<SuggestionListFilter> = {}, now = MARCH_1) =>
    queries.listSuggestions({ page: 1, pageSize: 50, ...filter }, viewer, now).items.map((i) => i.id);

  beforeAll(async () => {
    store = new SqliteEventStore({ path: dir.file('events.sqlite'), synchronous: 'normal' });
    await writeDemoHistory(new HistoryWriter(store));
    projector = new Projector(store, dir.file('read-model.sqlite'));
    await projector.catchUp();
    queries = new ReadModelQueries(dir.file('read-model.sqlite'));
  });

  afterAll(async () => {
    await projector.close();
    await store.close();
    dir.remove();
  });

  it('sorts by due time with nothing-due last, then newest submission first', () => {
    expect(ids(STAFF)).toEqual(['s-key', 's-school', 's-bus', 's-return', 's-new', 's-reject']);
  });

  it('shows staff, supervisors and admins everything', () => {
    for (const viewer of [STAFF, SUPERVISOR, ADMIN]) {
      expect(queries.listSuggestions({ page: 1, pageSize: 50 }, viewer, MARCH_1).total).toBe(6);
    }
  });

  it('shows a deputy the suggestions they lead or co-signed, and nothing else', () => {
    expect(ids(LI)).toEqual(['s-key', 's-school', 's-reject']);
    expect(ids(WANG)).toEqual(['s-school', 's-return', 's-new']);
    expect(ids(ZHAO)).toEqual(['s-key', 's-bus']);
    expect(ids({ userId: 'dep-nobody', role: 'deputy' })).toEqual([]);
  });

  it('shows a unit what it handles or handled before a return, co-handling included', () => {
    expect(ids(EDU)).toEqual(['s-school', 's-return']);
    expect(ids(HEALTH)).toEqual(['s-bus', 's-return']);
    expect(ids(TRAFFIC)).toEqual(['s-bus']);
    expect(queries.listSuggestions({ page: 1, pageSize: 50 }, { userId: 'u', role: 'unit' }, MARCH_1)).toEqual({ items: [], total: 0 });
  });

  it('filters by status, unit, deputy and key supervision, inside the viewer’s scope', () => {
    expect(ids(STAFF, { status: 'assigned' })).toEqual(['s-bus', 's-return']);
    expect(ids(STAFF, { unitId: 'unit-edu' })).toEqual(['s-school', 's-return']);
    expect(ids(STAFF, { deputyId: 'dep-li' })).toEqual(['s-key', 's-school', 's-reject']);
    expect(ids(STAFF, { keySupervised: true })).toEqual(['s-key']);
    expect(ids(STAFF, { keySupervised: false })).toEqual(['s-school', 's-bus', 's-return', 's-new', 's-reject']);
    expect(ids(STAFF, { unitId: 'unit-health', deputyId: 'dep-wang', status: 'assigned' })).toEqual(['s-return']);
    expect(ids(LI, { status: 'rejected' })).toEqual(['s-reject']);
    expect(ids(LI, { deputyId: 'dep-zhao' })).toEqual(['s-key']);
    expect(ids(EDU, { status: 'assigned' })).toEqual(['s-return']);
    expect(ids(EDU, { unitId: 'unit-traffic' })).toEqual([]);
  });

  it('computes overdue against the given now, in the filter and in each item', () => {
    expect(ids(STAFF, { overdue: true }, MARCH_1)).toEqual(['s-key']);
    expect(ids(STAFF, { overdue: true }, '2026-03-25T00:00:00.000Z')).toEqual(['s-key', 's-school']);
    expect(ids(STAFF, { overdue: false }, '2026-03-25T00:00:00.000Z')).toEqual(['s-bus', 's-return', 's-new', 's-reject']);
    // Exactly at the due time it is not late yet.
    expect(ids(STAFF, { overdue: true }, '2026-03-20T16:00:00.000Z')).toEqual(['s-key']);
    // Any ISO form of now is understood.
    expect(ids(STAFF, { overdue: true }, '2026-03-21T08:00:00+08:00')).toEqual(['s-key', 's-school']);
    const items = queries.listSuggestions({ page: 1, pageSize: 50 }, STAFF, '2026-03-25T00:00:00.000Z').items;
    expect(items.filter((i) => i.overdue).map((i) => i.id)).toEqual(['s-key', 's-school']);
  });

  it('searches title and content, taking % and _ literally', () => {
    expect(ids(STAFF, { q: '公交' })).toEqual(['s-bus']);
    expect(ids(STAFF, { q: '抽检频次' })).toEqual(['s-new']);
    expect(ids(STAFF, { q: '  电梯 ' })).toEqual(['s-key']);
    expect(ids(STAFF, { q: '%' })).toEqual(['s-new']);
    expect(ids(STAFF, { q: '_' })).toEqual([]);
    expect(ids(LI, { q: '公交' })).toEqual([]);
  });

  it('pages through any filter in the same order as one long page, each item once', () => {
    const filters: Partial<SuggestionListFilter>[] = [{}, { status: 'assigned' }, { overdue: true }, { overdue: false }, { keySupervised: false }, { unitId: 'unit-health' }];
    for (const filter of filters) {
      const all = queries.listSuggestions({ page: 1, pageSize: 50, ...filter }, STAFF, MARCH_1).items;
      for (const pageSize of [1, 2, 4]) {
        const paged = [];
        for (let page = 1; page <= Math.ceil(all.length / pageSize) + 1; page++) {
          paged.push(...queries.listSuggestions({ ...filter, page, pageSize }, STAFF, MARCH_1).items);
        }
        expect(paged).toEqual(all);
      }
    }
  });

  it('pages with a total that counts every match', () => {
    const page2 = queries.listSuggestions({ page: 2, pageSize: 2 }, STAFF, MARCH_1);
    expect(page2.items.map((i) => i.id)).toEqual(['s-bus', 's-return']);
    expect(page2.total).toBe(6);
    expect(queries.listSuggestions({ page: 9, pageSize: 2 }, STAFF, MARCH_1)).toEqual({ items: [], total: 6 });
    // A text search counts its matches with the page; past the last page it still knows the total.
    expect(queries.listSuggestions({ page: 2, pageSize: 1, q: '建议' }, WANG, MARCH_1)).toMatchObject({ total: 3 });
    expect(queries.listSuggestions({ page: 5, pageSize: 1, q: '建议' }, WANG, MARCH_1)).toEqual({ items: [], total: 3 });
    expect(queries.listSuggestions({ page: 5, pageSize: 1, q: '建议' }, STAFF, MARCH_1)).toMatchObject({ items: [{}], total: 6 });
    expect(queries.listSuggestions({ page: 9, pageSize: 1, q: '建议' }, STAFF, MARCH_1)).toEqual({ items: [], total: 6 });
    expect(queries.listSuggestions({ page: 1, pageSize: 1, q: '无此内容' }, STAFF, MARCH_1)).toEqual({ items: [], total: 0 });
    expect(queries.listSuggestions({ page: 1, pageSize: 1 }, WANG, MARCH_1).total).toBe(3);
  });

  it('counts the same total, whichever way it is computed, as there are matching rows', () => {
    for (const status of SUGGESTION_STATUSES) {
      for (const viewer of [STAFF, LI, WANG, EDU, HEALTH]) {
        for (const extra of [{}, { keySupervised: false }, { q: '建议' }, { deputyId: 'dep-wang' }]) {
          const list = queries.listSuggestions({ page: 1, pageSize: 50, status, ...extra }, viewer, MARCH_1);
          expect({ status, viewer: viewer.userId, extra, total: list.total }).toEqual({ status, viewer: viewer.userId, extra, total: list.items.length });
        }
      }
    }
    expect(queries.listSuggestions({ page: 1, pageSize: 1 }, STAFF, MARCH_1).total).toBe(6);
    expect(queries.listSuggestions({ page: 1, pageSize: 1, status: 'assigned' }, STAFF, MARCH_1).total).toBe(2);
    expect(queries.listSuggestions({ page: 1, pageSize: 1, status: 'closed' }, STAFF, MARCH_1).total).toBe(0);
  });

  it('gives each list item the fields the api returns', () => {
    const [school] = queries.listSuggestions({ page: 1, pageSize: 1, deputyId: 'dep-li', status: 'rehandling' }, STAFF, MARCH_1).items;
    expect(school).toEqual({
      id: 's-school',
      title: '关于增加中小学课后服务的建议',
      status: 'rehandling',
      deputyId: 'dep-li',
      unitIds: ['unit-edu'],
      dueAt: '2026-03-20T16:00:00.000Z',
      overdue: false,
      dueLevel: 'fine',
      provisional: false,
      keySupervised: false,
      revision: 5,
      submittedAt: '2026-01-05T02:00:00.000Z',
      updatedAt: '2026-02-20T02:00:00.000Z',
      // A history written before sessions: the upcast puts it in the legacy session.
      sessionId: 'legacy',
    });
    const [returned] = queries.listSuggestions({ page: 1, pageSize: 1, q: '药品' }, STAFF, MARCH_1).items;
    expect(returned!.unitIds).toEqual(['unit-health']);
  });

  it('gives each item its due level on the service calendar: due soon from remindBefore (3 working days), overdue after', () => {
    const school = (now: string, q: ReadModelQueries = queries) =>
      q.listSuggestions({ page: 1, pageSize: 1, deputyId: 'dep-li', status: 'rehandling' }, STAFF, now).items[0]!;
    // Due 24:00 Fri 03-20: three working days before it ends at 24:00 Tue 03-17.
    expect(school('2026-03-17T02:00:00.000Z').dueLevel).toBe('fine');
    expect(school('2026-03-18T02:00:00.000Z').dueLevel).toBe('due_soon');
    expect(school('2026-03-21T02:00:00.000Z')).toMatchObject({ overdue: true, dueLevel: 'overdue' });
    // The service declares 03-18 and 03-19 days off: the three working days are Mon, Tue and Fri, so Tue is already due soon.
    const overrides = createWorkingCalendar({ years: { 2026: { holidays: ['2026-03-18', '2026-03-19'], workdays: [] } } });
    const withOverrides = new ReadModelQueries(dir.file('read-model.sqlite'), { rulebook: NATIONAL_RULEBOOK, calendar: overrides });
    expect(school('2026-03-17T02:00:00.000Z', withOverrides).dueLevel).toBe('due_soon');
    // Nothing due: no level.
    expect(queries.listSuggestions({ page: 1, pageSize: 1, status: 'closed' }, STAFF, MARCH_1).items[0]?.dueLevel ?? null).toBeNull();
  });

  it('says who may view a suggestion', () => {
    expect(queries.canView(LI, 's-key')).toBe(true); // co-signer
    expect(queries.canView(LI, 's-bus')).toBe(false);
    expect(queries.canView(EDU, 's-return')).toBe(true); // was assigned before the return
    expect(queries.canView(TRAFFIC, 's-return')).toBe(false);
    expect(queries.canView(HEALTH, 's-bus')).toBe(true); // co-handler
    expect(queries.canView(SUPERVISOR, 's-new')).toBe(true);
    expect(queries.canView(STAFF, 's-missing')).toBe(false);
    expect(queries.canView({ userId: 'u', role: 'unit' }, 's-school')).toBe(false);
  });

  it('returns no detail for an unknown suggestion', () => {
    expect(queries.getSuggestion('s-missing')).toBeNull();
  });

  it('refuses a read model no projector has created', () => {
    expect(() => new ReadModelQueries(dir.file('nothing-here.sqlite'))).toThrow();
  });
});
