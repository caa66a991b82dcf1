import { createWorkingCalendar, getRulebook, RULEBOOK_IDS, type Actor, type SuggestionCommand } from '@duban/domain';
import { SqliteEventStore } from '@duban/event-store';
import { COUNTED_CATEGORIES } from '../../projection/supervision/stat-vector';
import { Projector } from '../../projector/projector';
import type { Rate } from '../../supervision/supervision.types';
import { HistoryWriter } from '../../testing/history-writer';
import { tempDir } from '../../testing/temp-dir';
import { ReadModelQueries } from '../read-model-queries';

const r = (numerator: number, denominator: number): Rate => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
const STAFF: Actor = { userId: 'staff-chen', role: 'staff' };
const DEPUTY: Actor = { userId: 'dep-li', role: 'deputy' };
const WATER: Actor = { userId: 'water-officer', role: 'unit', unitId: 'unit-water' };
const at = (day: string) => `${day}T02:00:00.000Z`;
const NOW = '2026-06-30T00:00:00.000Z';

/**
 * 河南 第十九条 sorts answers into five classes: the statistics count class E (属于上级机关职权范围) as its
 * own category, beside A–D, instead of only as "answered".
 */
describe('statistics by the answer-category scheme in force (河南: five classes)', () => {
  const dir = tempDir();
  const henan = getRulebook('henan');
  const calendar = createWorkingCalendar();
  let store: SqliteEventStore;
  let projector: Projector;

  beforeAll(async () => {
    store = new SqliteEventStore({ path: dir.file('events.sqlite'), synchronous: 'normal' });
    const writer = new HistoryWriter(store, henan);
    await writer.registerUnit('unit-water', '市水利厅', at('2026-03-01'));
    const run = (id: string, actor: Actor, day: string, command: SuggestionCommand) => writer.command(id, actor, at(day), command);
    for (const [id, category] of [
      ['hn-1', 'E'],
      ['hn-2', 'A'],
      ['hn-3', 'E'],
    ] as const) {
      await writer.submit(id, DEPUTY, at('2026-03-02'), `关于${id}的建议`, '内容');
      await run(id, STAFF, '2026-03-03', { type: 'AcceptSuggestion', data: {} });
      await run(id, STAFF, '2026-03-04', { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['unit-water'] } });
      await run(id, WATER, '2026-03-10', { type: 'ContactDeputy', data: { method: '电话', summary: '沟通' } });
      await run(id, WATER, '2026-04-10', { type: 'AnswerSuggestion', data: { category, content: `${category}类答复`, signedBy: '厅长', commitments: [] } });
    }
    projector = new Projector(store, dir.file('read-model.sqlite'), { rulebook: henan, calendar });
    await projector.catchUp();
  });

  afterAll(async () => {
    await projector.close();
    await store.close();
    dir.remove();
  });

  it('counts class E on its own, each class over the answered, every class of the scheme present', () => {
    const queries = new ReadModelQueries(projector.database, { rulebook: henan, calendar });
    const water = queries.unitStats({ now: NOW }).find((u) => u.unitId === 'unit-water')!;
    expect(water.answered).toBe(3);
    expect(water.byCategory).toEqual({ A: r(1, 3), B: r(0, 3), C: r(0, 3), D: r(0, 3), E: r(2, 3) });
    expect(Object.keys(water.byCategory)).toEqual(['A', 'B', 'C', 'D', 'E']);
    // The national A–D stay as they were for older readers.
    expect(water.categories).toEqual({ A: r(1, 3), B: r(0, 3), C: r(0, 3), D: r(0, 3) });
    expect(queries.overview({ now: NOW }).totals.byCategory.E).toEqual(r(2, 3));
    expect(queries.deputyArchive('dep-li', NOW).outcomes.byCategory).toEqual({ A: 1, B: 0, C: 0, D: 0, E: 2 });
  });

  it('keeps answers of a class the scheme now in force does not name visible after its own', () => {
    const national = new ReadModelQueries(projector.database);
    const water = national.unitStats({ now: NOW }).find((u) => u.unitId === 'unit-water')!;
    expect(water.byCategory).toEqual({ A: r(1, 3), B: r(0, 3), C: r(0, 3), D: r(0, 3), E: r(2, 3) });
  });

  it('has a column for every code of every preset', () => {
    for (const id of RULEBOOK_IDS) {
      for (const { code } of getRulebook(id).answerCategories) expect({ id, code, counted: (COUNTED_CATEGORIES as readonly string[]).includes(code) }).toEqual({ id, code, counted: true });
    }
  });
});
