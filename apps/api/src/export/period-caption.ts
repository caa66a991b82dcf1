import type { SupervisionPeriod } from '../supervision/period/period';
import { beijingTime } from './spreadsheet';

/**
 * The period a statistics sheet counts, in words, as the page's selector says it: a sheet passed
 * on without the page must still say which suggestions its figures are about.
 */
export function periodCaption(period: SupervisionPeriod, sessionName: string | undefined): string {
  if (period.sessionId !== null) return `统计期间：${sessionName ?? period.sessionId}（该届次的建议及其交办）`;
  if (period.year !== null) return `统计期间：${period.year} 年（按交办时间）`;
  if (period.from === null && period.to === null) return '统计期间：全部';
  return `统计期间：${period.from === null ? '最早' : dayOf(period.from, 'start')} 至 ${period.to === null ? '今' : dayOf(period.to, 'end')}（按交办时间）`;
}

/** A day when the instant is a Beijing midnight (the end of a period is 24:00 of its last day), else the minute. */
function dayOf(instant: string, end: 'start' | 'end'): string {
  const text = beijingTime(instant);
  if (!text.endsWith(' 00:00')) return text;
  if (end === 'start') return text.slice(0, 10);
  return beijingTime(new Date(Date.parse(instant) - 1).toISOString()).slice(0, 10);
}
