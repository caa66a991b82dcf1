/**
 * An instant as the suggestion's state keeps it where there are many (the deadline log), short and
 * cheap to compare:
 * - `YYYY-MM-DD` for `YYYY-MM-DDT16:00:00.000Z`, 24:00 of that day in Asia/Shanghai: the usual due time;
 * - the epoch milliseconds (a number) for any other string exactly as `Date#toISOString` writes it
 *   (`YYYY-MM-DDTHH:mm:ss.sssZ`, years 0000–9999): the usual event time;
 * - any other string as it is, after a `=` when it would read as one of the above.
 * Exact both ways: `unpackInstant(packInstant(s)) === s` for every string, so a stored state reads
 * back the very strings its events carried.
 *
 * Read by hand, not by Date: evolve() packs and compares on every deadline change, and Date.parse costs
 * about 0.6 µs and toISOString about 2 µs on the 2-core machine the rebuild must run at 100k events/s on.
 */
export type PackedInstant = number | string;

const MIDNIGHT = 'T16:00:00.000Z';
const DAY_LENGTH = 10;
const ESCAPE = '=';
const DAY_MS = 86_400_000;

export function packInstant(iso: string): PackedInstant {
  if (isMidnight(iso)) return iso.slice(0, DAY_LENGTH);
  const ms = canonicalMs(iso);
  if (ms !== undefined) return ms;
  return iso.length === DAY_LENGTH || iso.startsWith(ESCAPE) ? ESCAPE + iso : iso;
}

export function unpackInstant(packed: PackedInstant): string {
  if (typeof packed === 'number') return new Date(packed).toISOString();
  // Escaped first: a day never starts with the escape, an escaped string may be a day's length.
  if (packed.startsWith(ESCAPE)) return packed.slice(1);
  return packed.length === DAY_LENGTH ? packed + MIDNIGHT : packed;
}

/**
 * packInstant(iso) === packed, without making the packed form of the usual due time. (A number is
 * compared as the instant it is, so a due time packed as one by an earlier version still matches.)
 */
export function isPackedFrom(packed: PackedInstant, iso: string): boolean {
  if (typeof packed === 'number') return canonicalMs(iso) === packed;
  if (packed.length === DAY_LENGTH && !packed.startsWith(ESCAPE)) {
    return iso.length === DAY_LENGTH + MIDNIGHT.length && iso.startsWith(packed) && iso.endsWith(MIDNIGHT);
  }
  return packInstant(iso) === packed;
}

/** Milliseconds of a packed instant as Date.parse reads its string (NaN for one that is not an instant). */
export function packedMs(packed: PackedInstant): number {
  if (typeof packed === 'number') return packed;
  const iso = unpackInstant(packed);
  // A valid day needs no parsing; Date.parse would roll an invalid one (02-30) over, so it reads those.
  return canonicalMs(iso) ?? Date.parse(iso);
}

/** Whether the string is exactly what toISOString writes for some instant. */
export function isCanonicalInstant(iso: string): boolean {
  return canonicalMs(iso) !== undefined;
}

/** `DDDD-DD-DDT16:00:00.000Z`: digits where digits go, any values (the packed form keeps the string as is). */
function isMidnight(s: string): boolean {
  if (s.length !== DAY_LENGTH + MIDNIGHT.length || !s.endsWith(MIDNIGHT) || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d) return false;
  return digits(s, 0, 4) >= 0 && digits(s, 5, 2) >= 0 && digits(s, 8, 2) >= 0;
}

function canonicalMs(s: string): number | undefined {
  if (
    s.length !== 24 ||
    s.charCodeAt(4) !== 0x2d || // -
    s.charCodeAt(7) !== 0x2d ||
    s.charCodeAt(10) !== 0x54 || // T
    s.charCodeAt(13) !== 0x3a || // :
    s.charCodeAt(16) !== 0x3a ||
    s.charCodeAt(19) !== 0x2e || // .
    s.charCodeAt(23) !== 0x5a // Z
  ) {
    return undefined;
  }
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  const milli = digits(s, 20, 3);
  // toISOString never writes an out-of-range field (Date.parse would roll 02-30 over to March).
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || milli < 0) return undefined;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + milli;
}

/** The number the decimal digits at s[start, start + count) spell, or -1 if one is not a digit. */
function digits(s: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). Date.UTC is not
 * used: it reads years 0–99 as 1900–1999.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
