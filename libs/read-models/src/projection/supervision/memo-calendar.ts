import type { LocalDate, WorkingCalendar } from '@duban/domain';

/**
 * The same calendar, remembering each day's answer. Placing a wake-up walks a few days back from
 * each due time, and due times repeat (24:00 of a handful of days), so a rebuild asks the same days
 * hundreds of thousands of times; the official calendar works each one out from the date string.
 */
export function memoCalendar(calendar: WorkingCalendar): WorkingCalendar {
  const days = new Map<LocalDate, boolean>();
  return {
    isWorkingDay(date: LocalDate): boolean {
      let working = days.get(date);
      if (working === undefined) {
        working = calendar.isWorkingDay(date);
        days.set(date, working);
      }
      return working;
    },
    knowsYear: (year: number) => calendar.knowsYear(year),
    ...(calendar.provenance ? { provenance: calendar.provenance.bind(calendar) } : {}),
    ...(calendar.anyProvisional ? { anyProvisional: calendar.anyProvisional.bind(calendar) } : {}),
  };
}
