import { instantMs } from '../../../calendar/local-date';
import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { answeringUnits, currentAssignment } from '../../assignment-view';
import { obligationLog } from '../../deadlines/obligation-log';
import { SuggestionEvent } from '../../events';
import { ExistingSuggestion } from '../../state';
import { feedbackWindowEnd } from '../shared/feedback-window';
import { isLeadDeputy } from '../shared/guards';

type Delivered = Extract<SuggestionEvent, { type: 'AnswerDelivered' }>['data']['units'][number];

/**
 * 送达: the lead deputy (who rates) opens the answers of a completed round. Recorded once per round
 * (an answer whose feedback window is open and that was not delivered yet); opening again records
 * nothing, so the web may send it on every view. Where the preset counts the feedback window from
 * receipt, it is counted from now, unless the deemed receipt already ends it sooner.
 */
export function acknowledgeAnswer(state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  if (!isLeadDeputy(state, ctx.actor)) {
    throw new DomainError('delivery.only_lead_deputy', '只有领衔代表查阅答复时才记录送达', 'forbidden');
  }
  const assignment = currentAssignment(state);
  if (!assignment || state.status === 'withdrawn' || state.status === 'closed') return [];
  const log = obligationLog(state);
  const units: Delivered[] = [];
  for (const unit of answeringUnits(assignment)) {
    if (unit.stage !== 'answered' || !unit.feedbackDueAt || unit.deliveredAt !== undefined) continue;
    // Past the window the round counts as not rated: there is nothing left to count from a receipt.
    if (instantMs(ctx.now) > instantMs(unit.feedbackDueAt)) continue;
    // Counted from the round's completing answer, when the window opened.
    const opened = log.find((r) => r.kind === 'feedback' && r.unitId === unit.unitId && r.round === unit.round && r.dueAt === unit.feedbackDueAt);
    const answeredAt = opened?.openedAt ?? unit.answers[unit.answers.length - 1]?.answeredAt;
    const window = answeredAt === undefined ? unit.feedbackDueAt : feedbackWindowEnd(answeredAt, ctx.now, ctx.rulebook, ctx.calendar);
    const earlier = instantMs(window) < instantMs(unit.feedbackDueAt);
    units.push({ unitId: unit.unitId, round: unit.round, ...(earlier ? { feedbackDueAt: window } : {}) });
  }
  return units.length === 0 ? [] : [{ type: 'AnswerDelivered', data: { units } }];
}
