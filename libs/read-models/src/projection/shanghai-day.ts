import { addDays, endOfShanghaiDay, toShanghaiDate } from '@duban/domain';

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The Beijing date of an instant, without parsing it when it can be helped: a canonical UTC instant
 * before 16:00 is on the same date in Beijing (+08:00). The projection asks this for every handling,
 * commitment and notification of a rebuild.
 */
export function shanghaiDay(instant: string): string {
  if (CANONICAL.test(instant) && instant.charCodeAt(11) * 10 + instant.charCodeAt(12) - 528 < 16) return instant.slice(0, 10);
  return toShanghaiDate(instant);
}

const lastDays = new Map<string, string>();

/**
 * The last day of a due time, as people say it: a deadline at 24:00 belongs to the day before.
 * Remembered: due times are 24:00 of a limited number of days.
 */
export function lastDayOf(dueAt: string): string {
  let day = lastDays.get(dueAt);
  if (day === undefined) {
    const ms = Date.parse(dueAt);
    day = Number.isNaN(ms) ? dueAt : shanghaiDay(new Date(ms - 1).toISOString());
    if (lastDays.size > 100_000) lastDays.clear();
    lastDays.set(dueAt, day);
  }
  return day;
}

/** 00:00 of a Beijing date, as stored instants are written. */
export function shanghaiMidnight(day: string): string {
  return endOfShanghaiDay(addDays(day, -1));
}
