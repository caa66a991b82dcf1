import type { Dayjs } from 'dayjs';
import { endOfDayIso, formatDue } from './time';

/**
 * Which days a date picker offers. A picked day means its 24:00 in Beijing (endOfDayIso), so a day
 * is refused when that instant is not after `after` (now, the current due time) or is after
 * `latest` (the rulebook's maximum the server computed). The browser compares instants the server
 * gave; it never counts working days itself.
 */
export interface DayLimits {
  /** The picked day's end must be later than each of these instants. */
  after: (string | undefined)[];
  /** …and not later than this one. */
  latest?: string;
}

export function dayRefused(day: Dayjs, limits: DayLimits): boolean {
  const end = new Date(endOfDayIso(day)).getTime();
  if (limits.after.some((instant) => instant !== undefined && end <= new Date(instant).getTime())) return true;
  return limits.latest !== undefined && end > new Date(limits.latest).getTime();
}

/** "最晚可选 2026-12-31": the last day a picker offers, as people read a due date. */
export function latestDayText(latest: string | undefined): string | undefined {
  return latest ? `最晚可选 ${formatDue(latest)}` : undefined;
}
