import { isPackedFrom, unpackInstant } from '../../calendar/packed-instant';
import { instantMs } from '../../calendar/local-date';
import { WorkingCalendar } from '../../calendar/working-calendar';
import { remindAt } from '../../rulebook/periods';
import { Period, Rulebook } from '../../rulebook/rulebook';
import { SuggestionState } from '../state';
import { DUE, KEY, MISSED, REMINDED, slot } from './deadline-log';
import { collectOpenObligations } from './open-obligations';

/**
 * The earliest instant at which RecordDeadlines would record something for this state, or null
 * when nothing is pending. It may lie in the past (the scheduler was down, or an obligation was set
 * already inside its reminder period): then run RecordDeadlines now. A miss becomes due at the first
 * millisecond after the due time (a deadline at 24:00 is still met at 24:00).
 *
 * The scheduler keeps, per suggestion, the result of this after every append and wakes at the earliest.
 * What pendingDeadlines() says, without ordering the obligations (only the earliest matters) and with
 * each due time's reminder worked out once per calendar and period: a rebuild asks this of every
 * suggestion, and due times fall on a few hundred days (so a rebuild asks the same days again and again).
 */
export function nextWakeUp(state: SuggestionState, rulebook: Rulebook, calendar: WorkingCalendar): string | null {
  if (state.status === 'none') return null;
  const log = state.deadlineLog ?? [];
  const reminderMs = reminderFor(calendar, rulebook.remindBefore);
  let earliest: number | null = null;
  for (const obligation of collectOpenObligations(state)) {
    const entry = log.find((e) => e[KEY] === obligation.key);
    // An entry with another due time belongs to an earlier deadline: nothing is recorded for this one yet.
    const current = entry && isPackedFrom(entry[DUE], obligation.dueAt) ? entry : undefined;
    if (current && unpacked(slot(current, MISSED))) continue;
    const dueMs = instantMs(obligation.dueAt);
    const missAt = dueMs + 1;
    // An obligation not yet reminded wakes the scheduler at its reminder (never later than the miss).
    const at = current && unpacked(slot(current, REMINDED)) ? missAt : Math.min(reminderMs(dueMs, obligation.dueAt), missAt);
    if (earliest === null || at < earliest) earliest = at;
  }
  return earliest === null ? null : new Date(earliest).toISOString();
}

function unpacked(packed: ReturnType<typeof slot>): string | undefined {
  return packed === null ? undefined : unpackInstant(packed);
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Days remembered per calendar and period before starting afresh (a few years of due days). */
const REMEMBERED_DAYS = 4096;

type Reminder = (dueMs: number, dueIso: string) => number;

/** Per calendar (held weakly) and period: when to remind of a due time, its day's shift remembered. */
const reminders = new WeakMap<WorkingCalendar, Map<string, Reminder>>();

function reminderFor(calendar: WorkingCalendar, remindBefore: Period): Reminder {
  let byPeriod = reminders.get(calendar);
  if (!byPeriod) reminders.set(calendar, (byPeriod = new Map()));
  const periodKey = `${remindBefore.amount}${remindBefore.unit}`;
  let reminder = byPeriod.get(periodKey);
  if (!reminder) {
    // remindAt() moves the due time back by whole days that depend only on the Shanghai day the due
    // time ends (subtractPeriod: that day's date, stepped back on the calendar), so the shift is
    // worked out once per day, even for due times at any hour (commitments) that never repeat.
    const shifts = new Map<number, number>();
    reminder = (dueMs, dueIso) => {
      const lastDay = Math.floor((dueMs - 1 + SHANGHAI_OFFSET_MS) / DAY_MS);
      let shift = shifts.get(lastDay);
      if (shift === undefined) {
        shift = instantMs(remindAt(dueIso, remindBefore, calendar)) - dueMs;
        if (shifts.size >= REMEMBERED_DAYS) shifts.clear();
        shifts.set(lastDay, shift);
      }
      return dueMs + shift;
    };
    byPeriod.set(periodKey, reminder);
  }
  return reminder;
}
