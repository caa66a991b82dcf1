// The package's own isWorkday() reads weekdays in the machine's local zone (wrong west of UTC),
// so we use its published data file and compute weekdays ourselves.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { CalendarOverrides, EMPTY_CALENDAR_OVERRIDES, parseCalendarOverrides } from './calendar-overrides';
import { isLocalDate } from './local-date';
import { canComputeYear, COMPUTABLE_YEARS, computeStatutoryHolidays, fixedDateHolidays } from './statutory-holidays';
import { CalendarProvenance, LocalDate, ProvenanceWorkingCalendar } from './working-calendar';

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const packageData = chineseDays as PackageData;
const packageYears = new Set(Object.keys(packageData.holidays).map((d) => Number(d.slice(0, 4))));
const packageRules: DayRules = {
  holidays: new Set(Object.keys(packageData.holidays)),
  workdays: new Set(Object.keys(packageData.workdays)),
};

/**
 * The years the service must be able to answer: deadlines run from the first suggestions it could
 * hold to a few years ahead. Every one of them must be official or computable when the calendar
 * is created, so a gap stops the start instead of shifting deadlines later.
 */
export const SERVICE_YEARS = { first: 2000, last: 2099 } as const;

export interface WorkingCalendarOptions {
  /** Years checked at creation (default SERVICE_YEARS). */
  years?: { first: number; last: number };
}

interface DayRules {
  holidays: ReadonlySet<LocalDate>;
  workdays: ReadonlySet<LocalDate>;
}

const WORKING = 1;
const PROVISIONAL = 2;

/** Statutory holidays per computed year, shared by every calendar (they depend on the year only). */
const computedRules = new Map<number, DayRules>();

/**
 * The working-day calendar, year by year from the first source that has the year:
 * 1. the overrides (an operator's copy of a notice the package does not carry yet): official;
 * 2. the `chinese-days` data: official;
 * 3. the statutory holidays computed from the lunar calendar and solar terms: provisional.
 * Days a source does not list follow the week (Monday–Friday work).
 *
 * Every year of `options.years` (default SERVICE_YEARS) must be in 1–3, else creation throws. A
 * year outside them that no source has (only far due times from old data ask) gets the fixed-date
 * statutory holidays, provisional: see statutoryRules.
 *
 * Each year's answers are worked out once, on first use, into one table: a day costs a single
 * map lookup however often deadlines ask for it.
 */
export function createWorkingCalendar(
  overrides: CalendarOverrides = EMPTY_CALENDAR_OVERRIDES,
  options: WorkingCalendarOptions = {},
): ProvenanceWorkingCalendar {
  const checked = parseCalendarOverrides(overrides);
  const overrideRules = new Map<number, DayRules>(
    Object.entries(checked.years).map(([year, entry]) => [
      Number(year),
      { holidays: new Set(entry.holidays), workdays: new Set(entry.workdays) },
    ]),
  );
  const isOfficial = (year: number): boolean => overrideRules.has(year) || packageYears.has(year);
  assertAnswerable(options.years ?? SERVICE_YEARS, isOfficial);

  /** Day → WORKING | PROVISIONAL flags, for every day of each year asked about so far. */
  const days = new Map<LocalDate, number>();

  const flags = (date: LocalDate): number => {
    const known = days.get(date);
    if (known !== undefined) return known;
    fillYear(yearOf(date));
    return days.get(date)!;
  };

  const fillYear = (year: number): void => {
    const official = isOfficial(year);
    const rules = overrideRules.get(year) ?? (official ? packageRules : statutoryRules(year));
    const provisional = official ? 0 : PROVISIONAL;
    for (const { date, day } of daysOfYear(year)) {
      days.set(date, (isWorkingByRules(date, day, rules) ? WORKING : 0) | provisional);
    }
  };

  const provenance = (date: LocalDate): CalendarProvenance => (flags(date) & PROVISIONAL ? 'provisional' : 'official');

  return {
    isWorkingDay: (date: LocalDate): boolean => (flags(date) & WORKING) !== 0,
    knowsYear: isOfficial,
    provenance,
    anyProvisional(first: LocalDate, last: LocalDate): boolean {
      const [from, to] = [yearOf(first), yearOf(last)].sort((a, b) => a - b);
      // Provenance is per year, so the years are enough (and far spans fill no day tables).
      for (let year = from; year <= to; year++) {
        if (!isOfficial(year)) return true;
      }
      return false;
    },
  };
}

/** Weekday 0 = Sunday … 6 = Saturday. */
function isWorkingByRules(date: LocalDate, day: number, rules: DayRules): boolean {
  if (rules.workdays.has(date)) return true;
  if (rules.holidays.has(date)) return false;
  return day >= 1 && day <= 5;
}

/** Every day of a year with its weekday, without parsing a date string per day. */
function* daysOfYear(year: number): Generator<{ date: LocalDate; day: number }> {
  const DAY_MS = 24 * 60 * 60 * 1000;
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  const start = new Date(0).setUTCFullYear(year, 0, 1);
  const end = new Date(0).setUTCFullYear(year + 1, 0, 1);
  for (let ms = start; ms < end; ms += DAY_MS) {
    const day = new Date(ms);
    yield { date: day.toISOString().slice(0, 10), day: day.getUTCDay() };
  }
}

/**
 * A year outside COMPUTABLE_YEARS can only be outside the years checked at creation (creation
 * refuses otherwise): a due time far beyond anything the service accepts, kept from old data. Its
 * reminder day still has to be placed without failing the projection, so it gets the fixed-date
 * statutory holidays, provisional like every computed day.
 */
function statutoryRules(year: number): DayRules {
  let rules = computedRules.get(year);
  if (!rules) {
    const holidays = canComputeYear(year) ? computeStatutoryHolidays(year) : fixedDateHolidays(year);
    rules = { holidays: new Set(holidays.map((h) => h.date)), workdays: new Set() };
    computedRules.set(year, rules);
  }
  return rules;
}

function assertAnswerable(years: { first: number; last: number }, isOfficial: (year: number) => boolean): void {
  const missing: number[] = [];
  for (let year = years.first; year <= years.last; year++) {
    if (!isOfficial(year) && !canComputeYear(year)) missing.push(year);
  }
  if (missing.length > 0) throw new Error(cannotAnswer(missing));
}

function cannotAnswer(years: number[]): string {
  const list = years.length > 3 ? `${years[0]}–${years[years.length - 1]} (${years.length} years)` : years.join(', ');
  return (
    `working calendar: no official holidays for ${list}, and statutory holidays can only be computed for ` +
    `${COMPUTABLE_YEARS.first}–${COMPUTABLE_YEARS.last}; load that year's notice with CALENDAR_OVERRIDES_PATH`
  );
}

function yearOf(date: LocalDate): number {
  if (!isLocalDate(date)) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return Number(date.slice(0, 4));
}
