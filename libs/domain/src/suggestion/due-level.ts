import { instantMs } from '../calendar/local-date';
import { WorkingCalendar } from '../calendar/working-calendar';
import { remindAt } from '../rulebook/periods';
import { Rulebook } from '../rulebook/rulebook';

/** 已逾期 / 即将到期 / 正常: how urgent a due time is at `now`. */
export const DUE_LEVELS = ['overdue', 'due_soon', 'fine'] as const;
export type DueLevel = (typeof DUE_LEVELS)[number];

/** What the due level depends on besides the time: the service's own rules and working calendar. */
export interface DueRules {
  rulebook: Pick<Rulebook, 'remindBefore'>;
  calendar: WorkingCalendar;
}

/**
 * Overdue once `now` is past the due time (a deadline at 24:00 is still met at 24:00); due soon from
 * the moment the scheduler reminds of it (`rulebook.remindBefore` ahead, counted on the working
 * calendar with its overrides, e.g. three working days); fine before. The same instant the reminder
 * is recorded at, so a page turns amber exactly when the reminder arrives.
 */
export function dueLevel(dueAt: string, now: string, rules: DueRules): DueLevel {
  const nowMs = instantMs(now);
  if (nowMs > instantMs(dueAt)) return 'overdue';
  return nowMs >= instantMs(remindAt(dueAt, rules.rulebook.remindBefore, rules.calendar)) ? 'due_soon' : 'fine';
}
