import { canComputeYear, computeStatutoryHolidays, fixedDateHolidays } from './statutory-holidays';
import { weekday } from './local-date';
import { LocalDate, WorkingCalendar } from './working-calendar';

/**
 * The calendar as it answered before the notices for `years` were loaded: those years' days from
 * their computed statutory holidays (no bridge days, no 调休), every other day as `calendar` says.
 *
 * Recomputing a provisional deadline uses it to check that the stored due time really is the one
 * computed from those holidays (and not one set by another rule, or by an earlier rulebook) before
 * replacing it with the one the notice gives.
 */
/** Computed holidays per year, shared: they depend on the year only, and a recompute asks for them once per suggestion. */
const computed = new Map<number, ReadonlySet<LocalDate>>();

export function calendarBeforeNotice(calendar: WorkingCalendar, years: readonly number[]): WorkingCalendar {
  const holidaysOf = (year: number): ReadonlySet<LocalDate> => {
    let days = computed.get(year);
    if (!days) {
      days = new Set((canComputeYear(year) ? computeStatutoryHolidays(year) : fixedDateHolidays(year)).map((h) => h.date));
      computed.set(year, days);
    }
    return days;
  };
  const replaced = new Set(years);
  return {
    isWorkingDay(date: LocalDate): boolean {
      const year = Number(date.slice(0, 4));
      if (!replaced.has(year)) return calendar.isWorkingDay(date);
      const day = weekday(date);
      return day >= 1 && day <= 5 && !holidaysOf(year).has(date);
    },
    knowsYear: (year: number) => !replaced.has(year) && calendar.knowsYear(year),
  };
}
