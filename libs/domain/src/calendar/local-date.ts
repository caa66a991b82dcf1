import { LocalDate } from './working-calendar';

/**
 * Asia/Shanghai has had a fixed +08:00 offset since 1991 (no DST), so a constant offset is exact
 * and the domain needs no time-zone database.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An instant must carry its offset: without one, Date.parse would use the machine's zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isIsoInstant(value: string): boolean {
  return ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Milliseconds since the epoch of an ISO instant; throws on anything else (a programming error). */
export function instantMs(iso: string): number {
  if (!isIsoInstant(iso)) throw new Error(`not an ISO-8601 instant with offset: ${iso}`);
  return Date.parse(iso);
}

/** The calendar date in Asia/Shanghai at the given instant. */
export function toShanghaiDate(iso: string): LocalDate {
  return new Date(instantMs(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 24:00 of the day in Asia/Shanghai (= next day 00:00 +08:00), as a UTC ISO string with ms. */
export function endOfShanghaiDay(date: LocalDate): string {
  const { y, m, d } = parseLocalDate(date);
  return new Date(Date.UTC(y, m - 1, d + 1) - SHANGHAI_OFFSET_MS).toISOString();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const { y, m, d } = parseLocalDate(date);
  return formatUtcDate(Date.UTC(y, m - 1, d + days));
}

/** Calendar months; the day clamps to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { y, m, d } = parseLocalDate(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatUtcDate(Date.UTC(year, month - 1, Math.min(d, daysInMonth(year, month))));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  const { y, m, d } = parseLocalDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const pa = parseLocalDate(a);
  const pb = parseLocalDate(b);
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / DAY_MS);
}

export function shiftInstantByDays(iso: string, days: number): string {
  return new Date(instantMs(iso) + days * DAY_MS).toISOString();
}

function parseLocalDate(date: LocalDate): { y: number; m: number; d: number } {
  if (!isLocalDate(date)) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function formatUtcDate(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}
