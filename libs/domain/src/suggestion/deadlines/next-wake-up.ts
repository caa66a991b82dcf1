import { instantMs } from '../../calendar/local-date';
import { WorkingCalendar } from '../../calendar/working-calendar';
import { remindAt } from '../../rulebook/periods';
import { Rulebook } from '../../rulebook/rulebook';
import { SuggestionState } from '../state';
import { pendingDeadlines } from './pending-deadlines';

/**
 * The earliest instant at which RecordDeadlines would record something for this state, or null
 * when nothing is pending. It may lie in the past (the scheduler was down, or an obligation was set
 * already inside its reminder period): then run RecordDeadlines now. A miss becomes due at the first
 * millisecond after the due time (a deadline at 24:00 is still met at 24:00).
 *
 * The scheduler keeps, per suggestion, the result of this after every append and wakes at the earliest.
 */
export function nextWakeUp(state: SuggestionState, rulebook: Rulebook, calendar: WorkingCalendar): string | null {
  if (state.status === 'none') return null;
  let earliest: number | null = null;
  for (const { obligation, remindedAt, missedAt } of pendingDeadlines(state)) {
    if (missedAt) continue;
    const missAt = instantMs(obligation.dueAt) + 1;
    // An obligation not yet reminded wakes the scheduler at its reminder (never later than the miss).
    const at = remindedAt ? missAt : Math.min(instantMs(remindAt(obligation.dueAt, rulebook.remindBefore, calendar)), missAt);
    if (earliest === null || at < earliest) earliest = at;
  }
  return earliest === null ? null : new Date(earliest).toISOString();
}
