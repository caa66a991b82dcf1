import { BadRequestException } from '@nestjs/common';
import { addDays, endOfShanghaiDay, isIsoInstant, isLocalDate } from '@duban/domain';
import type { StatsScope } from '@duban/read-models';

/**
 * The one period every supervision figure is counted for: a session, a year, or a span of dates
 * (either end open), or everything. As the responses echo it: what was not asked for is null, a
 * year is also given as its span, and `from`/`to` are instants (UTC ISO).
 */
export interface SupervisionPeriod {
  sessionId: string | null;
  year: number | null;
  from: string | null;
  to: string | null;
}

export interface PeriodParams {
  sessionId?: string;
  year?: number;
  from?: string;
  to?: string;
}

/**
 * Checks that one kind of period is asked for and turns it into instants. `from` and `to` as people
 * give them: a date (`2026-01-01`, a whole day in Beijing time, so `to=2026-12-31` includes that day)
 * or an instant with its offset. A period asked for two ways is a 400 naming the field that clashes.
 */
export function parsePeriod({ sessionId, year, from, to }: PeriodParams): SupervisionPeriod {
  if (sessionId !== undefined) {
    if (year !== undefined) throw invalid('year', '按届次统计时不能同时指定年度');
    if (from !== undefined) throw invalid('from', '按届次统计时不能同时指定日期范围');
    if (to !== undefined) throw invalid('to', '按届次统计时不能同时指定日期范围');
    return { sessionId, year: null, from: null, to: null };
  }
  if (year !== undefined) {
    if (from !== undefined) throw invalid('from', '按年度统计时不能同时指定日期范围');
    if (to !== undefined) throw invalid('to', '按年度统计时不能同时指定日期范围');
    const y = String(year).padStart(4, '0');
    return { sessionId: null, year, from: toInstant('from', `${y}-01-01`, 'start'), to: toInstant('to', `${y}-12-31`, 'end') };
  }
  const period: SupervisionPeriod = { sessionId: null, year: null, from: null, to: null };
  if (from !== undefined) period.from = toInstant('from', from, 'start');
  if (to !== undefined) period.to = toInstant('to', to, 'end');
  if (period.from !== null && period.to !== null && period.from > period.to) {
    throw invalid('to', '结束时间不能早于开始时间');
  }
  return period;
}

/** The read model's scope of a period. */
export function scopeOf(period: SupervisionPeriod): StatsScope {
  if (period.sessionId !== null) return { sessionId: period.sessionId };
  return { ...(period.from !== null ? { from: period.from } : {}), ...(period.to !== null ? { to: period.to } : {}) };
}

function toInstant(field: string, value: string, end: 'start' | 'end'): string {
  if (isLocalDate(value)) return end === 'start' ? endOfShanghaiDay(addDays(value, -1)) : endOfShanghaiDay(value);
  if (isIsoInstant(value)) return new Date(value).toISOString();
  throw invalid(field, `${field} 须为日期（如 2026-01-01）或带时区的时间（如 2026-01-01T00:00:00+08:00）`);
}

function invalid(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, code: 'validation_failed', message: '请求参数有误', errors: [{ field, message }] });
}
