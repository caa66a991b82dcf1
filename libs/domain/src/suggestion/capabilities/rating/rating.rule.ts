import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { dueAt } from '../../../rulebook/periods';
import { answeringUnits } from '../../assignment-view';
import { SuggestionEvent } from '../../events';
import { Assignment, ExistingSuggestion, UnitHandling } from '../../state';
import { SATISFACTION_LEVELS, Satisfaction } from '../../values';
import { CommandData } from '../shared/command-data';
import { hasRoundsLeft } from '../rehandling/rehandling.rule';
import { isLater, isRater, requireStatus } from '../shared/guards';

/** Dissatisfied twice or more: staff and supervisors must see it (提级督办). */
const ESCALATE_AT_DISSATISFIED = 2;

/**
 * 满意度测评. Only the lead deputy rates, for all signers; no other account can enter or change
 * a rating (切实防止"被满意").
 */
export function rate(data: CommandData<'RateSuggestion'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  if (!isRater(state, ctx.actor)) {
    if (state.delegationHeadId !== undefined) {
      throw new DomainError('rating.only_delegation_head', '代表团建议由代表团团长评价，其他任何账号都不能代为评价', 'forbidden');
    }
    throw new DomainError('rating.only_lead_deputy', '只有领衔代表本人可以评价办理结果，其他任何账号都不能代为评价', 'forbidden');
  }
  // In separate mode one unit can be rated while another is still at work.
  requireStatus(state, ['assigned', 'answered', 'rehandling'], 'rating.not_answered', '只有已答复的建议可以评价');
  const unit = ratedUnit(data.unitId, state.assignment);
  // Past the window the round counts as not rated, whether or not the scheduler has recorded it yet.
  if (unit.stage === 'not_rated' || (unit.stage === 'answered' && unit.feedbackDueAt && isLater(ctx.now, unit.feedbackDueAt))) {
    throw new DomainError('rating.feedback_window_expired', '评价期限已过，本轮答复已记为未评价，不能再评价', 'conflict');
  }
  if (unit.stage !== 'answered') {
    throw new DomainError('rating.not_answered', '该承办单位本轮尚未答复或已经评价过，不能评价', 'conflict');
  }
  const attitude = satisfaction(data.attitude, 'attitude');
  const result = satisfaction(data.result, 'result');
  const dissatisfied = attitude === 'dissatisfied' || result === 'dissatisfied';
  const reason = data.reason?.trim();
  if (dissatisfied && !reason) {
    throw new DomainError('rating.reason_required', '评价为不满意时必须写明理由', 'invalid', 'reason');
  }

  const trigger = ctx.rulebook.rehandling.trigger;
  const staffDecide = dissatisfied && trigger === 'staff_decides' && hasRoundsLeft(unit, ctx.rulebook);
  const events: SuggestionEvent[] = [
    {
      type: 'SuggestionRated',
      data: { unitId: unit.unitId, round: unit.round, attitude, result, ...(reason ? { reason } : {}), ...(staffDecide ? { awaitsRehandlingDecision: true as const } : {}) },
    },
  ];
  if (!dissatisfied) return events;

  const times = unit.dissatisfiedCount + 1;
  // 河南 第二十二条, 重庆 第二十七条: dissatisfied after the last allowed re-handling goes to evaluation
  // or 面商, not to another round.
  if (!hasRoundsLeft(unit, ctx.rulebook)) {
    events.push({
      type: 'SuggestionEscalated',
      data: { unitId: unit.unitId, reason: `重新办理后代表仍不满意（第${times}次），不再重新办理，转评估或当面协商` },
    });
    return events;
  }
  // Elsewhere staff (or the standing committee) decide whether to re-handle: StartRehandling.
  if (trigger === 'automatic') {
    events.push({
      type: 'RehandlingStarted',
      data: { unitId: unit.unitId, round: unit.round + 1, dueAt: dueAt(ctx.now, ctx.rulebook.rehandlingWithin, ctx.calendar) },
    });
  }
  if (times >= ESCALATE_AT_DISSATISFIED) {
    events.push({
      type: 'SuggestionEscalated',
      data: { unitId: unit.unitId, reason: `代表第${times}次对办理情况表示不满意，提级督办` },
    });
  }
  return events;
}

function ratedUnit(unitId: string | undefined, assignment: Assignment): UnitHandling {
  const answering = answeringUnits(assignment);
  if (assignment.mode === 'separate' && unitId === undefined) {
    throw new DomainError('rating.unit_required', '分别办理的建议须对每个承办单位分别评价，请指定承办单位', 'invalid', 'unitId');
  }
  // Outside separate mode the one answering unit is meant; naming it is allowed.
  const unit = unitId === undefined ? answering[0] : answering.find((u) => u.unitId === unitId);
  if (!unit) throw new DomainError('rating.unknown_unit', '所指定的单位不是该建议的答复单位', 'invalid', 'unitId');
  return unit;
}

function satisfaction(value: string, field: 'attitude' | 'result'): Satisfaction {
  if (!(SATISFACTION_LEVELS as readonly string[]).includes(value)) {
    throw new DomainError('rating.invalid_level', '评价只能是满意、基本满意或不满意', 'invalid', field);
  }
  return value as Satisfaction;
}
