import { instantMs, toShanghaiDate } from '../../calendar/local-date';
import { LocalDate, WorkingCalendar } from '../../calendar/working-calendar';
import { DeadlineRecord, isDeadlineOpen } from './obligation';

/**
 * Whether the due time was computed from the working calendar (the rulebook's periods), rather than
 * given by someone: a commitment's date is the unit's promise, an extension's the date it was granted to.
 */
export function isComputedDeadline(record: Pick<DeadlineRecord, 'kind' | 'key'>): boolean {
  if (record.kind === 'commitment') return false;
  return !(record.kind === 'answer' && record.key.includes(':ext-'));
}

/**
 * An open computed deadline is provisional while any day from its start to its due day lies in a
 * year whose official notice is not loaded (its holidays computed, 调休 unknown): it may still move
 * once the notice is loaded (and will then be recomputed by DeadlinesRecomputed). A calendar that
 * cannot say (a test double without provenance) marks nothing.
 */
export function isProvisionalDeadline(record: DeadlineRecord, calendar: WorkingCalendar | undefined): boolean {
  if (!calendar?.anyProvisional || !isDeadlineOpen(record) || !isComputedDeadline(record)) return false;
  return calendar.anyProvisional(toShanghaiDate(record.openedAt), lastDayOf(record.dueAt));
}

/** Whether a due time reached from `fromIso` may still move: any year between is provisional. */
export function isProvisionalSpan(fromIso: string, dueIso: string, calendar: WorkingCalendar | undefined): boolean {
  if (!calendar?.anyProvisional) return false;
  return calendar.anyProvisional(toShanghaiDate(fromIso), lastDayOf(dueIso));
}

/** The Asia/Shanghai day a due time ends (24:00 belongs to the day that ends then). */
export function lastDayOf(dueIso: string): LocalDate {
  return toShanghaiDate(new Date(instantMs(dueIso) - 1).toISOString());
}
