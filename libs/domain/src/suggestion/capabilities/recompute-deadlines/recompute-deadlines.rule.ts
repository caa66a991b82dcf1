import { calendarBeforeNotice } from '../../../calendar/before-notice';
import { toShanghaiDate } from '../../../calendar/local-date';
import { WorkingCalendar } from '../../../calendar/working-calendar';
import { dueAt } from '../../../rulebook/periods';
import { Period, Rulebook } from '../../../rulebook/rulebook';
import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { currentAssignment, findUnit } from '../../assignment-view';
import { isComputedDeadline, lastDayOf } from '../../deadlines/provisional';
import { DeadlineRecord, isDeadlineOpen } from '../../deadlines/obligation';
import { obligationLog } from '../../deadlines/obligation-log';
import { EXTENSION_MAX } from '../../deadlines/deadline-change';
import { DeadlineChange, SuggestionEvent } from '../../events';
import { ExistingSuggestion } from '../../state';
import { CommandData } from '../shared/command-data';
import { feedbackWindowEnd } from '../shared/feedback-window';
import { requireRole } from '../shared/guards';

/**
 * The official notice for `data.years` is loaded: every open due time that was computed on those
 * years' provisional holidays is computed again, from the same start and rule, on the calendar now
 * in force. A due time is touched only when computing it as it was computed before the notice gives
 * exactly the stored value: one set by another rule (an extension's date, a commitment's, an
 * earlier rulebook) stays as it is. Nothing moved → no event.
 */
export function recomputeDeadlines(data: CommandData<'RecomputeDeadlines'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, ['system', 'admin'], 'deadlines.recompute_not_allowed', '只有系统管理员可以按正式放假通知重算期限');
  const years = [...new Set(data.years)].filter((y) => Number.isInteger(y)).sort((a, b) => a - b);
  const reason = data.reason.trim();
  if (years.length === 0) throw new DomainError('deadlines.recompute_no_years', '请指定已载入正式放假通知的年份', 'invalid', 'years');
  if (reason === '') throw new DomainError('deadlines.recompute_reason_required', '重算期限必须说明原因', 'invalid', 'reason');
  const before = calendarBeforeNotice(ctx.calendar, years);
  const touches = (first: string, last: string): boolean => {
    const [a, b] = [Number(first.slice(0, 4)), Number(last.slice(0, 4))].sort((x, y) => x - y);
    return years.some((y) => y >= a! && y <= b!);
  };

  const changes: DeadlineChange[] = [];
  const consider = (obligation: string, stored: string, starts: string[], compute: (from: string, calendar: WorkingCalendar) => string): void => {
    for (const start of starts) {
      if (!touches(toShanghaiDate(start), lastDayOf(stored))) continue;
      if (compute(start, before) !== stored) continue;
      const to = compute(start, ctx.calendar);
      if (to !== stored) changes.push({ obligation, from: stored, to });
      return;
    }
  };

  for (const record of obligationLog(state)) {
    if (!isDeadlineOpen(record) || !isComputedDeadline(record)) continue;
    const recipe = recipeOf(record, state, ctx.rulebook);
    if (recipe) consider(record.key, record.dueAt, recipe.starts, recipe.compute);
  }
  const assignment = currentAssignment(state);
  if (assignment && (state.status === 'assigned' || state.status === 'rehandling')) {
    const max = (from: string, calendar: WorkingCalendar) => dueAt(from, ctx.rulebook.extendedAnswerMax, calendar);
    consider(EXTENSION_MAX, assignment.deadlines.extensionMaxAt, [assignment.assignedAt], max);
    for (const transfer of assignment.transfers ?? []) {
      const unit = findUnit(assignment, transfer.toUnitId);
      if (unit?.deadlines) consider(`${EXTENSION_MAX}:${unit.unitId}`, unit.deadlines.extensionMaxAt, [transfer.transferredAt], max);
    }
  }
  if (changes.length === 0) return [];
  return [{ type: 'DeadlinesRecomputed', data: { changes, reason, years } }];
}

interface Recipe {
  /** Where the period may have started (tried in order: the first that gives the stored due time). */
  starts: string[];
  compute: (from: string, calendar: WorkingCalendar) => string;
}

function recipeOf(record: DeadlineRecord, state: ExistingSuggestion, rulebook: Rulebook): Recipe | undefined {
  const period = (p: Period): Recipe['compute'] => (from, calendar) => dueAt(from, p, calendar);
  switch (record.kind) {
    case 'assign':
      // From submission (立案), or from the approved return that ended the last assignment.
      return { starts: [state.submittedAt, record.openedAt], compute: period(rulebook.assignWithin) };
    case 'return_window':
      return { starts: [record.openedAt], compute: period(rulebook.returnWithin) };
    case 'co_opinion':
      return { starts: [record.openedAt], compute: period(rulebook.coOpinionWithin) };
    case 'contact':
      // A preset without a contact deadline (most: only 重庆 sets one) has no recipe for an older one.
      return rulebook.contactWithin ? { starts: [record.openedAt], compute: period(rulebook.contactWithin) } : undefined;
    case 'answer':
      return { starts: [record.openedAt], compute: period(rulebook.answerWithin) };
    case 'rehandling':
      return { starts: [record.openedAt], compute: period(rulebook.rehandlingWithin) };
    case 'feedback': {
      const unit = findUnit(currentAssignment(state), record.unitId);
      const deliveredAt = unit?.deliveredAt;
      return { starts: [record.openedAt], compute: (from, calendar) => feedbackWindowEnd(from, deliveredAt, rulebook, calendar) };
    }
    case 'commitment':
      return undefined;
    default:
      return undefined;
  }
}
