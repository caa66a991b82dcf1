import fc from 'fast-check';
import { toShanghaiDate, type Actor, type Assignment, type ExistingSuggestion } from '@duban/domain';
import { SqliteEventStore } from '@duban/event-store';
import { Projector } from '../../projector/projector';
import type { StatsFigures } from '../../supervision/supervision.types';
import { HistoryWriter } from '../../testing/history-writer';
import { randomHistory } from '../../testing/random-history';
import { tempDir } from '../../testing/temp-dir';
import { ReadModelQueries } from '../read-model-queries';

type Counts = Omit<StatsFigures, 'answeredOnTime' | 'contactRate' | 'satisfactionRate' | 'categories' | 'byCategory' | 'commitments'> & Record<string, number>;

/**
 * The statistics as the definitions say, straight from each folded state: no buckets, no
 * periods split into days, months and years. The read model must agree for any period and now.
 */
function bruteForce(states: ExistingSuggestion[], from: string | undefined, to: string | undefined, now: string): Map<string, Counts> {
  const inPeriod = (at: string) => (from === undefined || at >= from) && (to === undefined || at < to);
  const units = new Map<string, Counts>();
  const of = (unitId: string) => {
    let c = units.get(unitId);
    if (!c) {
      c = { assigned: 0, answered: 0, onTime: 0, contacted: 0, overdueNow: 0, rated: 0, satisfied: 0, dissatisfied: 0, A: 0, B: 0, C: 0, D: 0, made: 0, fulfilled: 0, overdueCommitments: 0, rehandlings: 0 };
      units.set(unitId, c);
    }
    return c;
  };
  for (const state of states) {
    const current = 'assignment' in state ? state.assignment : undefined;
    const assignments: Assignment[] = [...state.previousAssignments, ...(current ? [current] : [])];
    const owing = ['assigned', 'answered', 'rehandling', 'rated'].includes(state.status);
    for (const a of assignments) {
      if (!inPeriod(a.assignedAt)) continue;
      for (const u of a.units) {
        const c = of(u.unitId);
        c.assigned++;
        if (u.role === 'co') continue;
        const first = u.answers[0];
        if (first) {
          c.answered++;
          if (first.onTime) c.onTime++;
          if (u.contactedAt && u.contactedAt <= first.answeredAt) c.contacted++;
          c[u.answers[u.answers.length - 1]!.category]! += 1;
        }
        for (const r of u.ratings) {
          c.rated++;
          if (r.result === 'dissatisfied') c.dissatisfied++;
          else c.satisfied++;
        }
        c.rehandlings += u.round - 1;
        if (owing && a === current && (u.stage === 'handling' || u.stage === 'rehandling') && u.dueAt < now) c.overdueNow++;
      }
    }
    if (state.status === 'withdrawn') continue;
    for (const commitment of state.commitments) {
      const under = assignments.filter((a) => a.assignedAt <= commitment.madeAt && a.units.some((u) => u.unitId === commitment.unitId)).at(-1);
      if (!under || !inPeriod(under.assignedAt)) continue;
      const c = of(commitment.unitId);
      c.made++;
      if (commitment.fulfilledAt) c.fulfilled++;
      else if (commitment.dueAt < now) c.overdueCommitments++;
    }
  }
  return units;
}

describe('unit statistics over a random history (property)', () => {
  const dir = tempDir();
  let store: SqliteEventStore;
  let projector: Projector;
  let queries: ReadModelQueries;
  let states: ExistingSuggestion[];

  beforeAll(async () => {
    store = new SqliteEventStore({ path: dir.file('events.sqlite'), synchronous: 'normal' });
    const writer = new HistoryWriter(store);
    // Three years of suggestions, so periods cross years, months and days.
    const steps = [2024, 2025, 2026].flatMap((year, i) => randomHistory(40, 11 + i, Date.parse(`${year}-01-05T01:00:00.000Z`)));
    for (const step of steps) await step(writer);
    // Fulfil every other commitment, some late.
    projector = new Projector(store, dir.file('read-model.sqlite'), { stateCacheSize: 7 });
    await projector.catchUp();
    queries = new ReadModelQueries(projector.database);
    const ids = queries.listSuggestions({ page: 1, pageSize: 200 }, { userId: 'staff', role: 'staff' }, '2030-01-01T00:00:00.000Z').items.map((i) => i.id);
    let n = 0;
    for (const id of ids) {
      for (const c of queries.getSuggestion(id)!.commitments) {
        if (n++ % 2 === 1) continue;
        const unit: Actor = { userId: `${c.unitId}-officer`, role: 'unit', unitId: c.unitId };
        const at = new Date(Date.parse(c.dueAt) + (n % 3 === 0 ? 5 : -5) * 86_400_000).toISOString();
        await writer.command(id, unit, at, { type: 'FulfilCommitment', data: { commitmentId: c.commitmentId, evidence: '已完成' } });
      }
    }
    await projector.catchUp();
    states = ids.map((id) => queries.getSuggestion(id)!);
    expect(states.flatMap((s) => s.commitments).filter((c) => c.fulfilledAt).length).toBeGreaterThan(3);
  });

  afterAll(async () => {
    await projector.close();
    await store.close();
    dir.remove();
  });

  it('agrees with the definitions computed from the states, for any period and now', () => {
    const instant = fc.integer({ min: Date.parse('2023-12-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }).map((ms) => new Date(ms).toISOString());
    const midnight = instant.map((iso) => new Date(Date.parse(`${toShanghaiDate(iso)}T00:00:00+08:00`)).toISOString());
    const end = fc.oneof(instant, midnight, midnight.map((iso) => `${iso.slice(0, 8)}01T00:00:00+08:00`), fc.constant(undefined));
    fc.assert(
      fc.property(end, end, instant, (from, to, now) => {
        const norm = (v: string | undefined) => (v === undefined ? undefined : new Date(v).toISOString());
        const expected = bruteForce(states, norm(from), norm(to), now);
        for (const unit of queries.unitStats({ ...(from ? { from } : {}), ...(to ? { to } : {}), now })) {
          const e = expected.get(unit.unitId);
          const got = {
            assigned: unit.assigned,
            answered: unit.answered,
            onTime: unit.answeredOnTime.numerator,
            contacted: unit.contactRate.numerator,
            overdueNow: unit.overdueNow,
            rated: unit.satisfactionRate.denominator,
            satisfied: unit.satisfactionRate.numerator,
            dissatisfied: unit.dissatisfied,
            A: unit.categories.A.numerator,
            B: unit.categories.B.numerator,
            C: unit.categories.C.numerator,
            D: unit.categories.D.numerator,
            made: unit.commitments.made,
            fulfilled: unit.commitments.fulfilled,
            overdueCommitments: unit.commitments.overdue,
            rehandlings: unit.rehandlings,
          };
          const want = e ?? Object.fromEntries(Object.keys(got).map((k) => [k, 0]));
          expect({ unit: unit.unitId, from, to, now, got }).toEqual({ unit: unit.unitId, from, to, now, got: want });
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });
});
