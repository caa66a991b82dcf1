import { ReadModelQueries } from '../read-model-queries';
import { EDU } from '../../testing/supervision-scenario';
import { openSupervisionFixture, type SupervisionFixture } from '../../testing/supervision-fixture';

/**
 * Statistics keep what does not depend on the exact `now` between requests; an answer projected
 * after a request must show in the next one, whether the projector writes through the same
 * connection as the queries (the api) or through another one.
 */
describe('unit statistics stay fresh', () => {
  let fx: SupervisionFixture;
  let otherConnection: ReadModelQueries;
  const YEAR = { from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' };
  const AFTER = '2026-10-20T02:00:00.000Z';

  beforeAll(async () => {
    fx = await openSupervisionFixture();
    otherConnection = new ReadModelQueries(fx.projector.database.name);
  });

  afterAll(async () => {
    await fx.close();
  });

  const edu = (queries: ReadModelQueries) => queries.unitStats({ ...YEAR, now: AFTER }).find((u) => u.unitId === 'unit-edu')!;

  it('counts what fell overdue between two requests although nothing was written, and follows a clock set back', () => {
    // sv-9 is owed by 市教育局 until 24:00 on 10-10 (Beijing). Same month, no write in between:
    // only `now` moves, and the figures kept from the earlier request must not be answered again.
    const nows = ['2026-10-05T00:00:00.000Z', '2026-10-10T16:00:00.000Z', '2026-10-12T00:00:00.000Z', '2026-10-05T00:00:00.000Z'];
    const overdue = nows.map((now) => {
      const kept = fx.queries.unitStats({ ...YEAR, now });
      // A connection of its own each time: counted from scratch.
      const fresh = new ReadModelQueries(fx.projector.database.name);
      expect(kept).toEqual(fresh.unitStats({ ...YEAR, now }));
      fresh['db'].close();
      return kept.find((u) => u.unitId === 'unit-edu')!.overdueNow;
    });
    expect(overdue).toEqual([0, 0, 1, 0]);
  });

  it('answers a repeated request from what it counted before while nothing changed', () => {
    const first = fx.queries.unitStats({ ...YEAR, now: '2026-10-05T00:00:00.000Z' });
    expect(fx.queries.unitStats({ ...YEAR, now: '2026-10-05T00:00:01.000Z' })).toBe(first);
  });

  it('counts an answer projected after the figures were last read', async () => {
    const before = edu(fx.queries);
    expect(edu(otherConnection)).toEqual(before);
    expect(before.overdueNow).toBe(1);

    // sv-9: reassigned to 市教育局 on 07-10, past due since 10-10, answered now.
    await fx.writer.command('sv-9', EDU, '2026-10-16T02:00:00.000Z', {
      type: 'AnswerSuggestion',
      data: { category: 'A', content: '已开通夜间公交线路', signedBy: '局长', commitments: [] },
    });
    await fx.catchUp();

    for (const queries of [fx.queries, otherConnection]) {
      const after = edu(queries);
      expect(after.answered).toBe(before.answered + 1);
      expect(after.overdueNow).toBe(0);
      expect(after.categories.A.numerator).toBe(before.categories.A.numerator + 1);
    }
  });

  it('judges overdue at each request\'s own now within the same month', () => {
    const early = fx.queries.unitStats({ now: '2026-08-30T00:00:00.000Z' }).find((u) => u.unitId === 'unit-traffic')!;
    const late = fx.queries.unitStats({ now: '2026-08-31T20:00:00.000Z' }).find((u) => u.unitId === 'unit-traffic')!;
    // sv-3's commitment falls due on 08-31 (Beijing) and was never fulfilled.
    expect(late.commitments.overdue).toBe(early.commitments.overdue + 1);
  });
});
