// The package's own isWorkday() reads weekdays in the machine's local zone (wrong west of UTC),
// so we use its published data file and compute weekdays ourselves.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { CalendarOverrides, EMPTY_CALENDAR_OVERRIDES, parseCalendarOverrides } from './calendar-overrides';
import { weekday } from './local-date';
import { LocalDate, WorkingCalendar } from './working-calendar';

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const packageData = chineseDays as PackageData;
const packageYears = new Set(Object.keys(packageData.holidays).map((d) => Number(d.slice(0, 4))));

/**
 * The official calendar: `chinese-days` data, with whole years replaced by the overrides.
 * Years known to neither fall back to the plain week (and `knowsYear` says so).
 */
export function createWorkingCalendar(overrides: CalendarOverrides = EMPTY_CALENDAR_OVERRIDES): WorkingCalendar {
  const checked = parseCalendarOverrides(overrides);
  const overrideYears = new Map(
    Object.entries(checked.years).map(([year, entry]) => [
      Number(year),
      { holidays: new Set(entry.holidays), workdays: new Set(entry.workdays) },
    ]),
  );

  return {
    isWorkingDay(date: LocalDate): boolean {
      const day = weekday(date);
      const byWeek = day >= 1 && day <= 5;
      const override = overrideYears.get(Number(date.slice(0, 4)));
      if (override) {
        if (override.workdays.has(date)) return true;
        if (override.holidays.has(date)) return false;
        return byWeek;
      }
      if (packageData.workdays[date] !== undefined) return true;
      if (packageData.holidays[date] !== undefined) return false;
      return byWeek;
    },
    knowsYear(year: number): boolean {
      return overrideYears.has(year) || packageYears.has(year);
    },
  };
}
