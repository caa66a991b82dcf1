import { BadRequestException } from '@nestjs/common';
import { addDays, endOfShanghaiDay, isIsoInstant, isLocalDate } from '@duban/domain';

/** A statistics period as instants (UTC ISO); either end may be open. */
export interface Period {
  from?: string;
  to?: string;
}

/**
 * `from` and `to` as people give them: a date (`2026-01-01`, a whole day in Beijing time, so
 * `to=2026-12-31` includes that day) or an instant with its offset.
 */
export function parsePeriod(from: string | undefined, to: string | undefined): Period {
  const period: Period = {};
  if (from !== undefined) period.from = toInstant('from', from, 'start');
  if (to !== undefined) period.to = toInstant('to', to, 'end');
  if (period.from !== undefined && period.to !== undefined && period.from > period.to) {
    throw invalid('to', '结束时间不能早于开始时间');
  }
  return period;
}

function toInstant(field: string, value: string, end: 'start' | 'end'): string {
  if (isLocalDate(value)) return end === 'start' ? endOfShanghaiDay(addDays(value, -1)) : endOfShanghaiDay(value);
  if (isIsoInstant(value)) return new Date(value).toISOString();
  throw invalid(field, `${field} 须为日期（如 2026-01-01）或带时区的时间（如 2026-01-01T00:00:00+08:00）`);
}

function invalid(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, code: 'validation_failed', message: '请求参数有误', errors: [{ field, message }] });
}
