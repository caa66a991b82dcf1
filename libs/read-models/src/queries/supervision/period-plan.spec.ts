import fc from 'fast-check';
import { toShanghaiDate } from '@duban/domain';
import { planPeriod, type PeriodPlan } from './period-plan';

/** Midnight in Beijing of a day, as stored instants are written. */
const midnight = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();

describe('planPeriod', () => {
  it('takes everything from the overall bucket when the period is open at both ends', () => {
    expect(planPeriod()).toEqual({ buckets: [{ kind: 'a', from: '', to: '\uffff' }], partials: [] });
  });

  it('sums a calendar year from one year bucket per unit', () => {
    expect(planPeriod(midnight('2026-01-01'), midnight('2027-01-01'))).toEqual({ buckets: [{ kind: 'y', from: '2026', to: '2027' }], partials: [] });
  });

  it('splits days, months and years at their boundaries (Beijing time)', () => {
    expect(planPeriod(midnight('2025-11-20'), midnight('2027-03-05'))).toEqual({
      buckets: [
        { kind: 'd', from: '2025-11-20', to: '2025-12-01' },
        { kind: 'm', from: '2025-12', to: '2026-01' },
        { kind: 'y', from: '2026', to: '2027' },
        { kind: 'm', from: '2027-01', to: '2027-03' },
        { kind: 'd', from: '2027-03-01', to: '2027-03-05' },
      ],
      partials: [],
    });
    expect(planPeriod(midnight('2026-03-02'), midnight('2026-05-07'))).toEqual({
      buckets: [
        { kind: 'd', from: '2026-03-02', to: '2026-04-01' },
        { kind: 'm', from: '2026-04', to: '2026-05' },
        { kind: 'd', from: '2026-05-01', to: '2026-05-07' },
      ],
      partials: [],
    });
    expect(planPeriod(midnight('2026-03-02'), midnight('2026-03-09'))).toEqual({ buckets: [{ kind: 'd', from: '2026-03-02', to: '2026-03-09' }], partials: [] });
  });

  it('counts the partial days at either end from the rows, with any offset', () => {
    expect(planPeriod('2026-03-02T12:00:00+08:00', '2026-03-04T08:30:00+08:00')).toEqual({
      buckets: [{ kind: 'd', from: '2026-03-03', to: '2026-03-04' }],
      partials: [
        { from: '2026-03-02T04:00:00.000Z', to: midnight('2026-03-03') },
        { from: midnight('2026-03-04'), to: '2026-03-04T00:30:00.000Z' },
      ],
    });
    // Both ends inside one day: one partial range, nothing else.
    expect(planPeriod('2026-03-02T12:00:00+08:00', '2026-03-02T23:00:00+08:00')).toEqual({
      buckets: [],
      partials: [{ from: '2026-03-02T04:00:00.000Z', to: '2026-03-02T15:00:00.000Z' }],
    });
    expect(planPeriod(midnight('2026-03-02'), '2026-03-02T23:00:00+08:00')).toEqual({
      buckets: [],
      partials: [{ from: midnight('2026-03-02'), to: '2026-03-02T15:00:00.000Z' }],
    });
  });

  it('leaves an open end open', () => {
    expect(planPeriod(undefined, midnight('2026-02-01'))).toEqual({
      buckets: [
        { kind: 'y', from: '0000', to: '2026' },
        { kind: 'm', from: '2026-01', to: '2026-02' },
      ],
      partials: [],
    });
    const from = planPeriod('2026-12-30T12:00:00+08:00');
    expect(from.partials).toEqual([{ from: '2026-12-30T04:00:00.000Z', to: midnight('2026-12-31') }]);
    expect(from.buckets[0]).toEqual({ kind: 'd', from: '2026-12-31', to: '2027-01-01' });
    expect(from.buckets[1]).toEqual({ kind: 'y', from: '2027', to: '9999' });
  });

  it('is empty when the period ends before it starts', () => {
    expect(planPeriod(midnight('2026-03-02'), midnight('2026-03-01'))).toEqual({ buckets: [], partials: [] });
    expect(planPeriod(midnight('2026-03-02'), midnight('2026-03-02'))).toEqual({ buckets: [], partials: [] });
  });

  it('counts every instant in [from, to) exactly once, whatever the ends (property)', () => {
    const instant = fc.integer({ min: Date.parse('2024-12-20T00:00:00Z'), max: Date.parse('2027-01-10T00:00:00Z') }).map((ms) => new Date(ms).toISOString());
    // Ends often exactly at Beijing midnight, as dates from the api are.
    const end = fc.oneof(instant, instant.map((iso) => midnight(toShanghaiDate(iso))), fc.constant(undefined));
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 40 }), end, end, (assignments, from, to) => {
        const expected = assignments.filter((a) => (from === undefined || a >= from) && (to === undefined || a < to)).length;
        return countWithPlan(planPeriod(from, to), assignments) === expected;
      }),
      { numRuns: 400 },
    );
  });
});

/** Sums as the queries do: bucket keys of each assignment's Beijing day, plus the partial ranges' rows. */
function countWithPlan(plan: PeriodPlan, assignments: string[]): number {
  let n = 0;
  for (const a of assignments) {
    const day = toShanghaiDate(a);
    const keys = { a: '', y: day.slice(0, 4), m: day.slice(0, 7), d: day };
    for (const b of plan.buckets) if (keys[b.kind] >= b.from && keys[b.kind] < b.to) n++;
    for (const p of plan.partials) if (a >= p.from && a < p.to) n++;
  }
  return n;
}
