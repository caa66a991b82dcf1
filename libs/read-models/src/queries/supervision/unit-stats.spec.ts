import type { Rate, StatsFigures } from '../../supervision/supervision.types';
import { openSupervisionFixture, type SupervisionFixture } from '../../testing/supervision-fixture';

const r = (numerator: number, denominator: number): Rate => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
/** Midnight in Beijing, as the api turns `from=2026-01-01` into an instant. */
const day = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`)).toISOString();
const OCT_15 = '2026-10-15T00:00:00.000Z';

/**
 * Over the supervision scenario (testing/supervision-scenario.ts). Each unit's figures, worked out
 * by hand from the stories there:
 * - 市教育局: sv-5 (2025), sv-1, sv-2, sv-9 (after the return); sv-2 late, without contact, rated
 *   dissatisfied then basically satisfied, two commitments (one fulfilled); sv-9 past due on 10-10.
 * - 市交通运输局: sv-3 (lead, C with an unfulfilled commitment due 08-31, not rated), sv-4 (D, no
 *   contact); sv-9 it returned before answering, so it does not count as assigned to it.
 * - 市卫生健康委员会: sv-3 (co-handler), sv-4 and sv-6 never answered, sv-10 rated dissatisfied and
 *   its re-handling missed.
 */
describe('unit statistics', () => {
  let fx: SupervisionFixture;

  beforeAll(async () => {
    fx = await openSupervisionFixture();
  });

  afterAll(async () => {
    await fx.close();
  });

  const unit = (unitId: string, query: { from?: string; to?: string; now?: string } = {}) => {
    const found = fx.queries.unitStats({ now: OCT_15, ...query }).find((u) => u.unitId === unitId);
    if (!found) throw new Error(`no figures for ${unitId}`);
    return found;
  };

  it('gives every figure of each unit over all time, each rate with its numerator and denominator', () => {
    expect(unit('unit-edu')).toEqual({
      unitId: 'unit-edu',
      unitName: '市教育局',
      assigned: 4,
      answered: 3,
      answeredOnTime: r(2, 3),
      overdueNow: 1,
      contactRate: r(2, 3),
      satisfactionRate: r(3, 4),
      dissatisfied: 1,
      categories: { A: r(3, 3), B: r(0, 3), C: r(0, 3), D: r(0, 3) },
      byCategory: { A: r(3, 3), B: r(0, 3), C: r(0, 3), D: r(0, 3) },
      commitments: { made: 2, fulfilled: 1, overdue: 0, fulfilmentRate: r(1, 2) },
      rehandlings: 1,
    });
    expect(unit('unit-traffic')).toEqual({
      unitId: 'unit-traffic',
      unitName: '市交通运输局',
      assigned: 2,
      answered: 2,
      answeredOnTime: r(2, 2),
      overdueNow: 0,
      contactRate: r(1, 2),
      // sv-3's feedback window passed: not rated is neither satisfied nor rated.
      satisfactionRate: r(0, 0),
      dissatisfied: 0,
      categories: { A: r(0, 2), B: r(0, 2), C: r(1, 2), D: r(1, 2) },
      byCategory: { A: r(0, 2), B: r(0, 2), C: r(1, 2), D: r(1, 2) },
      commitments: { made: 1, fulfilled: 0, overdue: 1, fulfilmentRate: r(0, 1) },
      rehandlings: 0,
    });
    expect(unit('unit-health')).toEqual({
      unitId: 'unit-health',
      unitName: '市卫生健康委员会',
      assigned: 4,
      answered: 1,
      answeredOnTime: r(1, 1),
      overdueNow: 3,
      contactRate: r(1, 1),
      satisfactionRate: r(0, 1),
      dissatisfied: 1,
      categories: { A: r(1, 1), B: r(0, 1), C: r(0, 1), D: r(0, 1) },
      byCategory: { A: r(1, 1), B: r(0, 1), C: r(0, 1), D: r(0, 1) },
      commitments: { made: 0, fulfilled: 0, overdue: 0, fulfilmentRate: r(0, 0) },
      rehandlings: 1,
    });
    expect(fx.queries.unitStats({ now: OCT_15 }).map((u) => u.unitId)).toEqual(['unit-edu', 'unit-health', 'unit-traffic']);
  });

  it('counts only the assignments made in the period', () => {
    // 2026 leaves out sv-5 (assigned 2025-11-03).
    const year = { from: day('2026-01-01'), to: day('2027-01-01') };
    expect(unit('unit-edu', year)).toMatchObject({
      assigned: 3,
      answered: 2,
      answeredOnTime: r(1, 2),
      contactRate: r(1, 2),
      satisfactionRate: r(2, 3),
      dissatisfied: 1,
      categories: { A: r(2, 2), B: r(0, 2), C: r(0, 2), D: r(0, 2) },
      byCategory: { A: r(2, 2), B: r(0, 2), C: r(0, 2), D: r(0, 2) },
      commitments: { made: 2, fulfilled: 1, overdue: 0, fulfilmentRate: r(1, 2) },
      rehandlings: 1,
      overdueNow: 1,
    });
    expect(unit('unit-edu', { from: day('2025-01-01'), to: day('2026-01-01') })).toMatchObject({
      assigned: 1,
      answered: 1,
      satisfactionRate: r(1, 1),
      overdueNow: 0,
      commitments: { made: 0, fulfilled: 0, overdue: 0, fulfilmentRate: r(0, 0) },
    });
    // March–April: sv-1 and sv-2 (03-02), sv-3 (04-01); not sv-4 (05-06) nor sv-9.
    const spring = { from: day('2026-03-01'), to: day('2026-05-01') };
    expect(unit('unit-edu', spring)).toMatchObject({ assigned: 2, answered: 2, overdueNow: 0 });
    expect(unit('unit-traffic', spring)).toMatchObject({ assigned: 1, answered: 1, commitments: { made: 1, fulfilled: 0, overdue: 1, fulfilmentRate: r(0, 1) } });
    expect(unit('unit-health', spring)).toMatchObject({ assigned: 1, answered: 0, overdueNow: 0 });
    // The last day counts whole: to = 24:00 of 05-06.
    expect(unit('unit-health', { from: day('2026-03-02'), to: day('2026-05-07') })).toMatchObject({ assigned: 2, overdueNow: 1 });
    expect(unit('unit-health', { from: day('2026-03-02'), to: day('2026-05-06') })).toMatchObject({ assigned: 1, overdueNow: 0 });
  });

  it('counts partial days to the instant', () => {
    // sv-1 was assigned at 09:00 and sv-2 at 15:00 on 03-02 (Beijing): a period from noon has only sv-2.
    const afternoon = { from: '2026-03-02T12:00:00+08:00', to: '2026-03-02T23:00:00+08:00' };
    expect(unit('unit-edu', afternoon)).toEqual({
      unitId: 'unit-edu',
      unitName: '市教育局',
      assigned: 1,
      answered: 1,
      answeredOnTime: r(0, 1),
      overdueNow: 0,
      contactRate: r(0, 1),
      satisfactionRate: r(1, 2),
      dissatisfied: 1,
      categories: { A: r(1, 1), B: r(0, 1), C: r(0, 1), D: r(0, 1) },
      byCategory: { A: r(1, 1), B: r(0, 1), C: r(0, 1), D: r(0, 1) },
      commitments: { made: 2, fulfilled: 1, overdue: 0, fulfilmentRate: r(1, 2) },
      rehandlings: 1,
    });
    expect(unit('unit-edu', { from: '2026-03-02T09:00:00+08:00', to: '2026-03-02T15:00:00+08:00' })).toMatchObject({ assigned: 1, contactRate: r(1, 1) });
    // From noon on 03-02 to 10:00 on 07-10 (the reassignment of sv-9 at exactly 10:00 is left out: `to` is exclusive).
    expect(unit('unit-edu', { from: '2026-03-02T12:00:00+08:00', to: '2026-07-10T10:00:00+08:00' })).toMatchObject({ assigned: 1 });
    expect(unit('unit-edu', { from: '2026-03-02T12:00:00+08:00', to: '2026-07-10T10:00:00.001+08:00' })).toMatchObject({ assigned: 2, overdueNow: 1 });
  });

  it('judges what is overdue at the given now', () => {
    // Before any answer was due: nothing late; sv-3's commitment (08-31) not yet due either.
    const july = '2026-07-01T00:00:00.000Z';
    expect([unit('unit-edu', { now: july }).overdueNow, unit('unit-health', { now: july }).overdueNow, unit('unit-traffic', { now: july }).commitments.overdue]).toEqual([0, 0, 0]);
    // 2026-08-31 24:00 Beijing is the commitment's due time: on time until then.
    expect(unit('unit-traffic', { now: '2026-08-31T16:00:00.000Z' }).commitments.overdue).toBe(0);
    expect(unit('unit-traffic', { now: '2026-08-31T16:00:00.001Z' }).commitments.overdue).toBe(1);
    // After 2026-12-31 sv-2's second commitment is overdue too.
    expect(unit('unit-edu', { now: '2027-01-10T00:00:00.000Z' }).commitments).toEqual({ made: 2, fulfilled: 1, overdue: 1, fulfilmentRate: r(1, 2) });
    // sv-4 (08-06), sv-10's re-handling (08-25), sv-6 (09-01) one after the other.
    expect(unit('unit-health', { now: '2026-08-07T00:00:00.000Z' }).overdueNow).toBe(1);
    expect(unit('unit-health', { now: '2026-08-26T00:00:00.000Z' }).overdueNow).toBe(2);
    expect(unit('unit-health', { now: '2026-09-02T00:00:00.000Z' }).overdueNow).toBe(3);
  });

  it('gives the whole jurisdiction: suggestions by status and every unit added up', () => {
    const expected: StatsFigures = {
      assigned: 10,
      answered: 6,
      answeredOnTime: r(5, 6),
      overdueNow: 4,
      contactRate: r(4, 6),
      satisfactionRate: r(3, 5),
      dissatisfied: 2,
      categories: { A: r(4, 6), B: r(0, 6), C: r(1, 6), D: r(1, 6) },
      byCategory: { A: r(4, 6), B: r(0, 6), C: r(1, 6), D: r(1, 6) },
      commitments: { made: 3, fulfilled: 1, overdue: 1, fulfilmentRate: r(1, 3) },
      rehandlings: 2,
    };
    expect(fx.queries.overview({ now: OCT_15 })).toEqual({
      byStatus: { submitted: 0, accepted: 1, rejected: 1, assigned: 3, answered: 1, rehandling: 1, rated: 3, closed: 0, withdrawn: 0 },
      suggestions: 10,
      assignedSuggestions: 8,
      totals: expected,
    });
  });

  it('lists a registered unit with nothing assigned, with zeros and empty rates', async () => {
    await fx.writer.registerUnit('unit-water', '市水务局', '2026-10-01T00:00:00.000Z');
    await fx.catchUp();
    expect(unit('unit-water')).toEqual({
      unitId: 'unit-water',
      unitName: '市水务局',
      assigned: 0,
      answered: 0,
      answeredOnTime: r(0, 0),
      overdueNow: 0,
      contactRate: r(0, 0),
      satisfactionRate: r(0, 0),
      dissatisfied: 0,
      categories: { A: r(0, 0), B: r(0, 0), C: r(0, 0), D: r(0, 0) },
      byCategory: { A: r(0, 0), B: r(0, 0), C: r(0, 0), D: r(0, 0) },
      commitments: { made: 0, fulfilled: 0, overdue: 0, fulfilmentRate: r(0, 0) },
      rehandlings: 0,
    });
  });

  it('follows new events: an answer moves the figures and ends the overdue', async () => {
    const health = { userId: 'health-officer', role: 'unit' as const, unitId: 'unit-health' };
    await fx.writer.command('sv-6', health, '2026-10-16T02:00:00.000Z', {
      type: 'AnswerSuggestion',
      data: { category: 'B', content: '已纳入明年计划', signedBy: '主任', commitments: [{ description: '完成加装电梯试点', dueAt: '2027-06-30' }] },
    });
    await fx.catchUp();
    expect(unit('unit-health', { now: '2026-10-17T00:00:00.000Z' })).toMatchObject({
      answered: 2,
      answeredOnTime: r(1, 2),
      overdueNow: 2,
      categories: { A: r(1, 2), B: r(1, 2), C: r(0, 2), D: r(0, 2) },
      byCategory: { A: r(1, 2), B: r(1, 2), C: r(0, 2), D: r(0, 2) },
      commitments: { made: 1, fulfilled: 0, overdue: 0, fulfilmentRate: r(0, 1) },
    });
  });
});
