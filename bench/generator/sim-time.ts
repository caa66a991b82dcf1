/** Simulated time for generated histories: instants in epoch milliseconds, business hours in Asia/Shanghai. */
import { Prng } from './prng';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** Start of the Shanghai day containing `ms`, as epoch ms. */
function shanghaiDayStart(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
}

/**
 * An office-hours instant (09:00–17:59 Shanghai) between `minDays` and `maxDays` days after `from`,
 * always strictly later than `from`: people act on working hours, not at uniform random times.
 */
export function later(prng: Prng, from: number, minDays: number, maxDays: number): number {
  const days = minDays + prng.next() * (maxDays - minDays);
  const day = shanghaiDayStart(from + days * DAY_MS);
  const candidate = day + 9 * HOUR_MS + Math.floor(prng.next() * 9 * HOUR_MS);
  return candidate > from ? candidate : from + prng.int(1, 90) * 60_000;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function parseIsoMs(text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`not an ISO instant: ${text}`);
  return ms;
}
