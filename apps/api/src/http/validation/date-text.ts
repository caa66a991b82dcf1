import { isISO8601 } from 'class-validator';
import { isIsoInstant, isLocalDate } from '@duban/domain';

/**
 * The years a date in a request may name. Wide enough for any real suggestion, statistics period
 * or look back (the service's records start this century); narrow enough that every date stays a
 * plain four-digit ISO year through the read model, the exports and the deadline arithmetic (year
 * 9999 + one day is no longer a valid ISO string, which used to be a 500).
 */
export const DATE_YEAR_MIN = 2000;
export const DATE_YEAR_MAX = 2100;

export type DateTextKind = 'date' | 'instant';

/**
 * `YYYY-MM-DD` (a real calendar day) or an instant with its offset (`2026-10-15T08:00:00+08:00`,
 * `…Z`): class-validator's strict ISO check refuses days and times that do not exist (Feb 30,
 * 24:00, minute 60), which Date.parse would silently roll into the next month or day; the domain's
 * own patterns refuse the ISO forms people do not mean (week dates, `20261015`, no offset).
 */
export function dateTextKind(value: string): DateTextKind | null {
  if (!isISO8601(value, { strict: true, strictSeparator: true })) return null;
  if (isLocalDate(value)) return 'date';
  if (isIsoInstant(value)) return 'instant';
  return null;
}

/** The year as written, when it lies in DATE_YEAR_MIN…DATE_YEAR_MAX; a malformed value is not "out of range". */
export function isDateTextInRange(value: string): boolean {
  if (dateTextKind(value) === null) return true;
  const year = Number(value.slice(0, 4));
  return year >= DATE_YEAR_MIN && year <= DATE_YEAR_MAX;
}
