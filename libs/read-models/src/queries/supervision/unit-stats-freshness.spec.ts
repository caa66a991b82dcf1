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
