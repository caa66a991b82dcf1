import { LocalDate } from './working-calendar';
import { isLocalDate } from './local-date';

/**
 * Official calendar data for years the `chinese-days` package does not know yet.
 *
 * File format (`calendar-overrides.json`, read by the api at start-up and passed in as data):
 *
 *     {
 *       "$comment": "optional, ignored",
 *       "years": {
 *         "2027": {
 *           "holidays": ["2027-01-01", "2027-02-06", …],   // official days off on weekdays (and weekends inside a holiday)
 *           "workdays": ["2027-02-14", …]                  // 调休 make-up working days (weekends that are worked)
 *         }
 *       }
 *     }
 *
 * A year listed here replaces the package's data for that whole year (the State Council notice is
 * the authority; the override is how an operator applies it before a package update). Days in
 * neither list follow the week: Monday–Friday work, Saturday and Sunday off.
 */
export interface CalendarYearOverride {
  holidays: LocalDate[];
  workdays: LocalDate[];
}

export interface CalendarOverrides {
  years: Record<string, CalendarYearOverride>;
}

export const EMPTY_CALENDAR_OVERRIDES: CalendarOverrides = { years: {} };

/**
 * Checks parsed JSON against the format above. Throws an Error naming the bad entry, so a broken
 * override file stops the service at start-up instead of silently shifting deadlines.
 */
export function parseCalendarOverrides(raw: unknown): CalendarOverrides {
  if (!isObject(raw)) throw new Error('calendar overrides: expected an object with "years"');
  for (const key of Object.keys(raw)) {
    if (key !== 'years' && key !== '$comment') throw new Error(`calendar overrides: unknown key "${key}"`);
  }
  const years = raw['years'];
  if (!isObject(years)) throw new Error('calendar overrides: "years" must be an object');
  const result: CalendarOverrides = { years: {} };
  for (const [year, entry] of Object.entries(years)) {
    if (!/^\d{4}$/.test(year)) throw new Error(`calendar overrides: "${year}" is not a year`);
    if (!isObject(entry)) throw new Error(`calendar overrides: ${year} must be an object`);
    const holidays = dateList(entry['holidays'], year, 'holidays');
    const workdays = dateList(entry['workdays'], year, 'workdays');
    const both = holidays.filter((d) => workdays.includes(d));
    if (both.length > 0) throw new Error(`calendar overrides: ${both.join(', ')} listed as both holiday and workday`);
    result.years[year] = { holidays, workdays };
  }
  return result;
}

function dateList(value: unknown, year: string, name: string): LocalDate[] {
  if (!Array.isArray(value)) throw new Error(`calendar overrides: ${year}.${name} must be an array`);
  return value.map((d: unknown) => {
    if (typeof d !== 'string' || !isLocalDate(d) || !d.startsWith(`${year}-`)) {
      throw new Error(`calendar overrides: ${year}.${name} has ${JSON.stringify(d)}, expected a YYYY-MM-DD date in ${year}`);
    }
    return d;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
