import { endOfShanghaiDay, instantMs } from '../../../calendar/local-date';
import { dueAt } from '../../../rulebook/periods';
import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import type { SessionKind } from '../../../session/events';
import { SuggestionEvent } from '../../events';
import { ExistingSuggestion } from '../../state';
import { CommandData } from '../shared/command-data';
import { requireRole } from '../shared/guards';

/** What 立案 needs to know of the suggestion's session (the api reads it from the session's stream). */
export interface SessionTerms {
  kind: SessionKind;
  /** Local date (YYYY-MM-DD): the day a congress session's suggestions are handed over together (交办). */
  assignOn?: string;
  /** Local date: the last day of the meeting. */
  endsOn?: string;
}

/**
 * When staff owe the assignment (交办) of a suggestion.
 * - Made between sessions (recess, or no session known): the regulation's clock, `assignWithin`
 *   from submission (沪 第十一条, 鲁 第十条, 青 第十四条, 渝 第十三条).
 * - Made during the meeting (congress): they are handed over together on the session's 交办 date,
 *   so the assignment is due at the end of that day and is never overdue before it. Until staff set
 *   the date, the regulation's clock runs from the meeting's last day (北京 第十四条 hands them over
 *   on the closing day), never from a submission during the meeting.
 */
export function assignmentDueAt(submittedAt: string, session: SessionTerms | undefined, ctx: Pick<DecisionContext, 'rulebook' | 'calendar'>): string {
  if (session?.kind !== 'congress') return dueAt(submittedAt, ctx.rulebook.assignWithin, ctx.calendar);
  if (session.assignOn !== undefined) return endOfShanghaiDay(session.assignOn);
  if (session.endsOn === undefined) return dueAt(submittedAt, ctx.rulebook.assignWithin, ctx.calendar);
  // Counted from 24:00 of the closing day, or from submission should it come after the meeting.
  const closed = endOfShanghaiDay(session.endsOn);
  const from = instantMs(submittedAt) > instantMs(closed) ? submittedAt : new Date(instantMs(closed) - 1).toISOString();
  return dueAt(from, ctx.rulebook.assignWithin, ctx.calendar);
}

/**
 * Staff set (or moved) the 交办 date of the suggestion's congress session: a registered suggestion
 * not yet assigned is now due for assignment at the end of that day. Nothing when the due time is
 * already that, or when the suggestion is past registration (assigned, rejected, …).
 */
export function scheduleAssignment(data: CommandData<'ScheduleAssignment'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, ['staff', 'admin', 'system'], 'schedule.only_staff', '只有工作人员可以设定交办日期');
  if (state.status !== 'accepted') return [];
  const assignDueAt = assignmentDueAt(state.submittedAt, { kind: 'congress', assignOn: data.assignOn }, ctx);
  if (state.assignDueAt === assignDueAt) return [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(data.assignOn)) throw new DomainError('schedule.date_invalid', '交办日期格式须为 YYYY-MM-DD', 'invalid', 'assignOn');
  return [{ type: 'AssignmentScheduled', data: { assignOn: data.assignOn, assignDueAt } }];
}
