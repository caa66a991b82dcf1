import { instantMs } from '../../../calendar/local-date';
import { remindAt } from '../../../rulebook/periods';
import { DecisionContext } from '../../../shared/decider';
import { SuggestionEvent } from '../../events';
import { ExistingSuggestion } from '../../state';
import { pendingDeadlines } from '../../deadlines/pending-deadlines';
import { requireRole } from '../shared/guards';

/**
 * The scheduler's command (actor role `system` only). For each open obligation, at `ctx.now`:
 * - past its due time and no miss recorded yet → DeadlineMissed; a missed feedback window also
 *   records FeedbackWindowExpired (the unit's round counts as not rated), a missed re-handling
 *   deadline also SuggestionEscalated (提级督办);
 * - otherwise, within `remindBefore` of its due time and not yet reminded → DeadlineReminderRecorded
 *   (an obligation already past due gets no late reminder, only the miss).
 * Idempotent: the state remembers what was recorded, so a second run at the same `now` returns [].
 */
export function recordDeadlines(state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, ['system'], 'deadlines.only_system', '期限提醒和逾期只能由系统自动记录');
  const now = instantMs(ctx.now);
  const events: SuggestionEvent[] = [];
  for (const { obligation, remindedAt, missedAt } of pendingDeadlines(state)) {
    if (missedAt) continue;
    const { key, kind, unitId, commitmentId, dueAt } = obligation;
    const data = { key, kind, ...(unitId !== undefined ? { unitId } : {}), ...(commitmentId !== undefined ? { commitmentId } : {}), dueAt };
    if (now > instantMs(dueAt)) {
      events.push({ type: 'DeadlineMissed', data });
      if (kind === 'feedback' && unitId !== undefined && obligation.round !== undefined) {
        events.push({ type: 'FeedbackWindowExpired', data: { unitId, round: obligation.round } });
      }
      if (kind === 'rehandling' && unitId !== undefined) {
        events.push({ type: 'SuggestionEscalated', data: { unitId, reason: '重新办理逾期未答复，提级督办' } });
      }
    } else if (!remindedAt && now >= instantMs(remindAt(dueAt, ctx.rulebook.remindBefore, ctx.calendar))) {
      events.push({ type: 'DeadlineReminderRecorded', data });
    }
  }
  return events;
}
