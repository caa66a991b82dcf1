import { instantMs } from '../../calendar/local-date';
import { WorkingCalendar } from '../../calendar/working-calendar';
import { remindAt } from '../../rulebook/periods';
import { NATIONAL_RULEBOOK } from '../../rulebook/presets';
import { Period, Rulebook } from '../../rulebook/rulebook';
import { realCalendar } from '../../testing/given';
import { realisticHistories } from '../../testing/realistic-histories';
import { evolveSuggestion, initialSuggestionState } from '../evolve';
import { SuggestionState } from '../state';
import { nextWakeUp } from './next-wake-up';
import { pendingDeadlines } from './pending-deadlines';

/** nextWakeUp as the scheduler's rule says it, spelled out plainly: every pending deadline, nothing remembered. */
function plainNextWakeUp(state: SuggestionState, rulebook: Rulebook, calendar: WorkingCalendar): string | null {
  if (state.status === 'none') return null;
  let earliest: number | null = null;
  for (const { obligation, remindedAt, missedAt } of pendingDeadlines(state)) {
    if (missedAt) continue;
    const missAt = instantMs(obligation.dueAt) + 1;
    const at = remindedAt ? missAt : Math.min(instantMs(remindAt(obligation.dueAt, rulebook.remindBefore, calendar)), missAt);
    if (earliest === null || at < earliest) earliest = at;
  }
  return earliest === null ? null : new Date(earliest).toISOString();
}

// Scheduler events included: reminded and missed deadlines; commitments fall due at any hour.
const histories = realisticHistories(80, 20_261_122, realCalendar, { scheduler: true });

describe('nextWakeUp (each day’s reminder shift remembered)', () => {
  const periods: Period[] = [NATIONAL_RULEBOOK.remindBefore, { amount: 5, unit: 'wd' }, { amount: 2, unit: 'd' }, { amount: 1, unit: 'm' }];

  it.each(periods)('equals the plain rule after every event of realistic streams, reminding $amount $unit ahead', (remindBefore) => {
    const rulebook: Rulebook = { ...NATIONAL_RULEBOOK, remindBefore };
    let compared = 0;
    let pending = 0;
    for (const history of histories) {
      let state: SuggestionState = initialSuggestionState();
      for (const event of history) {
        state = evolveSuggestion(state, event);
        const expected = plainNextWakeUp(state, rulebook, realCalendar);
        expect(nextWakeUp(state, rulebook, realCalendar)).toBe(expected);
        compared++;
        if (expected !== null) pending++;
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(pending).toBeGreaterThan(compared / 4);
  });

  it('tells a due time at 24:00 from one later on the next morning (they end on different days)', () => {
    // A closed suggestion whose only obligation is one open commitment, moved to the due times below.
    const closed = histories
      .map((history) => history.reduce(evolveSuggestion, initialSuggestionState()))
      .find((state) => state.status === 'closed' && state.commitments.some((c) => c.fulfilledAt === undefined));
    if (!closed || closed.status !== 'closed') throw new Error('no closed suggestion with an open commitment in the histories');
    const open = closed.commitments.find((c) => c.fulfilledAt === undefined)!;
    const dueAt = (at: string): SuggestionState => ({ ...closed, commitments: [{ ...open, dueAt: at }], deadlineLog: [] });
    const calendar: WorkingCalendar = { isWorkingDay: realCalendar.isWorkingDay, knowsYear: realCalendar.knowsYear };
    // Sunday 2026-11-22 24:00 ends Sunday: 3 working days back is Wednesday 24:00. Monday 11:00 ends
    // Monday: 3 working days back is the Wednesday before, at 11:00.
    expect(nextWakeUp(dueAt('2026-11-22T16:00:00.000Z'), NATIONAL_RULEBOOK, calendar)).toBe('2026-11-18T16:00:00.000Z');
    expect(nextWakeUp(dueAt('2026-11-23T03:00:00.000Z'), NATIONAL_RULEBOOK, calendar)).toBe('2026-11-18T03:00:00.000Z');
  });

  it('asks each calendar its own days: two calendars never share a remembered shift', () => {
    // A calendar on which every day is a working day reminds 3 calendar days ahead, the official one skips weekends.
    const everyDay: WorkingCalendar = { isWorkingDay: () => true, knowsYear: () => true };
    for (const history of histories.slice(0, 20)) {
      let state: SuggestionState = initialSuggestionState();
      for (const event of history) {
        state = evolveSuggestion(state, event);
        expect(nextWakeUp(state, NATIONAL_RULEBOOK, realCalendar)).toBe(plainNextWakeUp(state, NATIONAL_RULEBOOK, realCalendar));
        expect(nextWakeUp(state, NATIONAL_RULEBOOK, everyDay)).toBe(plainNextWakeUp(state, NATIONAL_RULEBOOK, everyDay));
      }
    }
  });
});
