import { addDays, addMonths, daysBetween, endOfShanghaiDay, instantMs, shiftInstantByDays, toShanghaiDate } from '../calendar/local-date';
import { LocalDate, WorkingCalendar } from '../calendar/working-calendar';
import { assertNever } from '../shared/errors';
import { Period } from './rulebook';

/** No official calendar has a gap this long without a working day: hitting it means broken data. */
const MAX_SCAN_DAYS = 366;

/**
 * When a period that starts at `fromIso` ends: 24:00 (Asia/Shanghai) of its last day.
 *
 * - `wd`: the Nth working day after the local date of `from`; the day of the event does not count.
 * - `d` / `m`: the day N days / months later (month ends clamp: Jan 31 + 1m = Feb 28/29). When
 *   that day is not a working day the period runs to the end of the next working day
 *   (民法典 第二百零三条: a period ending on a statutory holiday ends on the day after it).
 */
export function dueAt(fromIso: string, period: Period, calendar: WorkingCalendar): string {
  assertAmount(period);
  const from = toShanghaiDate(fromIso);
  switch (period.unit) {
    case 'wd':
      return endOfShanghaiDay(stepWorkingDays(from, period.amount, 1, calendar));
    case 'd':
      return endOfShanghaiDay(onOrAfterWorkingDay(addDays(from, period.amount), calendar));
    case 'm':
      return endOfShanghaiDay(onOrAfterWorkingDay(addMonths(from, period.amount), calendar));
    default:
      return assertNever(period.unit, 'period unit');
  }
}

/**
 * The instant a period before `dueIso`, keeping its time of day. For `wd` it is counted on
 * working days: a reminder 3 wd before a 24:00 deadline falls at 24:00 of the day after which
 * exactly three working days remain. `d` and `m` count calendar days and months back.
 */
export function subtractPeriod(dueIso: string, period: Period, calendar: WorkingCalendar): string {
  assertAmount(period);
  // A deadline at 24:00 belongs to the day that ends then, not to the next one.
  const lastDay = toShanghaiDate(new Date(instantMs(dueIso) - 1).toISOString());
  let target: LocalDate;
  switch (period.unit) {
    case 'wd':
      target = stepWorkingDays(lastDay, period.amount, -1, calendar);
      break;
    case 'd':
      target = addDays(lastDay, -period.amount);
      break;
    case 'm':
      target = addMonths(lastDay, -period.amount);
      break;
    default:
      return assertNever(period.unit, 'period unit');
  }
  return shiftInstantByDays(dueIso, daysBetween(lastDay, target));
}

/** When to remind someone of a due time: `remindBefore` ahead of it (see subtractPeriod). */
export function remindAt(dueIso: string, remindBefore: Period, calendar: WorkingCalendar): string {
  return subtractPeriod(dueIso, remindBefore, calendar);
}

/** The Nth working day after (direction 1) or before (-1) `date`, not counting `date` itself. */
function stepWorkingDays(date: LocalDate, count: number, direction: 1 | -1, calendar: WorkingCalendar): LocalDate {
  let current = date;
  let remaining = count;
  let scanned = 0;
  while (remaining > 0) {
    current = addDays(current, direction);
    if (calendar.isWorkingDay(current)) {
      remaining -= 1;
      scanned = 0;
    } else if (++scanned > MAX_SCAN_DAYS) {
      throw new Error(`working calendar has no working day near ${current}`);
    }
  }
  return current;
}

function onOrAfterWorkingDay(date: LocalDate, calendar: WorkingCalendar): LocalDate {
  let current = date;
  for (let scanned = 0; !calendar.isWorkingDay(current); scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new Error(`working calendar has no working day after ${date}`);
    current = addDays(current, 1);
  }
  return current;
}

function assertAmount(period: Period): void {
  if (!Number.isInteger(period.amount) || period.amount < 0) {
    throw new Error(`period amount must be a whole number ≥ 0: ${JSON.stringify(period)}`);
  }
}
