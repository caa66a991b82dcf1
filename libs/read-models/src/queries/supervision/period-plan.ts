import { addDays, toShanghaiDate } from '@duban/domain';
import { toIsoInstant } from '../../projection/iso-instant';
import { shanghaiMidnight as dayStart } from '../../projection/shanghai-day';

/** A range of one bucket kind, by bucket key, half-open: from ≤ key < to. */
export interface BucketRange {
  kind: 'a' | 'y' | 'm' | 'd';
  from: string;
  to: string;
}

/** A range of assignment instants, half-open, counted from the rows (a period's partial days). */
export interface InstantRange {
  from: string;
  to: string;
}

/** How to sum a period: whole years, months and days from the buckets, partial days from the rows. */
export interface PeriodPlan {
  buckets: BucketRange[];
  partials: InstantRange[];
}

const MIN_DAY = '0000-01-01';
const MAX_DAY = '9999-12-31';

/**
 * Splits [from, to) (either end open) into as few buckets as it can: whole years, whole months and
 * whole days of the assignment day in Asia/Shanghai, and at most two partial days at the edges
 * when an end is not at midnight. A year's figures are then 1 bucket per unit, not 365.
 */
export function planPeriod(from?: string, to?: string): PeriodPlan {
  if (from === undefined && to === undefined) return { buckets: [{ kind: 'a', from: '', to: '\uffff' }], partials: [] };
  const start = from === undefined ? undefined : toIsoInstant(from);
  const end = to === undefined ? undefined : toIsoInstant(to);
  if (start !== undefined && end !== undefined && start >= end) return { buckets: [], partials: [] };

  const partials: InstantRange[] = [];
  let firstDay = MIN_DAY;
  if (start !== undefined) {
    const day = toShanghaiDate(start);
    if (start === dayStart(day)) firstDay = day;
    else {
      firstDay = addDays(day, 1);
      // The whole period may lie inside this one day.
      const next = dayStart(firstDay);
      partials.push({ from: start, to: end !== undefined && end < next ? end : next });
      if (end !== undefined && end <= next) return { buckets: [], partials };
    }
  }
  let endDay = MAX_DAY;
  if (end !== undefined) {
    endDay = toShanghaiDate(end);
    const midnight = dayStart(endDay);
    if (end !== midnight) partials.push({ from: start !== undefined && start > midnight ? start : midnight, to: end });
  }
  return { buckets: firstDay < endDay ? wholeDays(firstDay, endDay) : [], partials };
}

/** [first, end) in days, as days up to a month start, months up to a year start, years, months, days. */
function wholeDays(first: string, end: string): BucketRange[] {
  const monthsFrom = monthStartOnOrAfter(first);
  const monthsTo = `${end.slice(0, 7)}-01`;
  if (monthsFrom >= monthsTo) return [{ kind: 'd', from: first, to: end }];
  const ranges: BucketRange[] = [];
  if (first < monthsFrom) ranges.push({ kind: 'd', from: first, to: monthsFrom });
  const yearsFrom = monthsFrom.slice(5, 7) === '01' ? monthsFrom.slice(0, 4) : pad4(Number(monthsFrom.slice(0, 4)) + 1);
  const yearsTo = monthsTo.slice(0, 4);
  if (yearsFrom >= yearsTo) ranges.push({ kind: 'm', from: monthsFrom.slice(0, 7), to: monthsTo.slice(0, 7) });
  else {
    if (monthsFrom.slice(0, 7) < `${yearsFrom}-01`) ranges.push({ kind: 'm', from: monthsFrom.slice(0, 7), to: `${yearsFrom}-01` });
    ranges.push({ kind: 'y', from: yearsFrom, to: yearsTo });
    if (`${yearsTo}-01` < monthsTo.slice(0, 7)) ranges.push({ kind: 'm', from: `${yearsTo}-01`, to: monthsTo.slice(0, 7) });
  }
  if (monthsTo < end) ranges.push({ kind: 'd', from: monthsTo, to: end });
  return ranges;
}

function monthStartOnOrAfter(day: string): string {
  if (day.endsWith('-01')) return day;
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 12 ? `${pad4(year + 1)}-01-01` : `${day.slice(0, 4)}-${String(month + 1).padStart(2, '0')}-01`;
}

function pad4(year: number): string {
  return String(year).padStart(4, '0');
}
