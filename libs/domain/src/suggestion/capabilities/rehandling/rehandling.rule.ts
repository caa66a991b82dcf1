import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { dueAt } from '../../../rulebook/periods';
import { Rulebook } from '../../../rulebook/rulebook';
import { answeringUnits } from '../../assignment-view';
import { SuggestionEvent } from '../../events';
import { Assignment, ExistingSuggestion, UnitHandling } from '../../state';
import { CommandData } from '../shared/command-data';
import { requireRole, requireStatus, requireText, STAFF_ROLES } from '../shared/guards';

/**
 * 重新办理 as staff decide it, where the rulebook does not start it on a dissatisfied rating:
 * - `staff_decides` (上海 第二十一条, 重庆 第二十七条, 青岛 第三十一条): after the deputy's dissatisfied
 *   rating of the unit's latest answer;
 * - `committee_finding` (北京 第二十七条): the standing committee finds the handling perfunctory, once
 *   the unit has answered, whatever the rating.
 * The new answer is due `rehandlingWithin` from the decision; no more rounds than the rulebook allows.
 */
export function startRehandling(data: CommandData<'StartRehandling'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, STAFF_ROLES, 'rehandling.only_staff', '只有代表工作机构工作人员可以决定重新办理');
  const { trigger } = ctx.rulebook.rehandling;
  if (trigger === 'automatic') {
    throw new DomainError('rehandling.automatic', '按现行办理规则，代表不满意即自动重新办理，无需另行决定', 'conflict');
  }
  requireStatus(state, ['answered', 'rated'], 'rehandling.not_answered', '只有已答复的建议可以决定重新办理');
  const unit = unitMeant(data.unitId, state.assignment);
  if (trigger === 'staff_decides' && !lastRatingDissatisfied(unit)) {
    throw new DomainError('rehandling.not_dissatisfied', '代表对本轮答复没有表示不满意，不能决定重新办理', 'conflict');
  }
  if (unit.stage !== 'answered' && unit.stage !== 'rated') {
    throw new DomainError('rehandling.not_answered', '该承办单位本轮尚未答复，不能决定重新办理', 'conflict');
  }
  requireRoundsLeft(unit, ctx.rulebook);
  const reason = requireText(data.reason, 'reason', 'rehandling.reason_required', '决定重新办理须说明理由');
  return [
    {
      type: 'RehandlingStarted',
      data: { unitId: unit.unitId, round: unit.round + 1, dueAt: dueAt(ctx.now, ctx.rulebook.rehandlingWithin, ctx.calendar), reason },
    },
  ];
}

/** Re-handlings the unit has had so far: each one started a new answer round. */
export function rehandlingsSoFar(unit: UnitHandling): number {
  return unit.round - 1;
}

/** Whether the rulebook allows another round (河南 第二十二条, 重庆 第二十七条: one; then evaluation or 面商). */
export function hasRoundsLeft(unit: UnitHandling, rulebook: Rulebook): boolean {
  const max = rulebook.rehandling.maxRounds;
  return max === null || rehandlingsSoFar(unit) < max;
}

function requireRoundsLeft(unit: UnitHandling, rulebook: Rulebook): void {
  if (!hasRoundsLeft(unit, rulebook)) {
    throw new DomainError('rehandling.rounds_exhausted', '已重新办理过，按现行办理规则不再重新办理，应组织评估或当面协商', 'conflict');
  }
}

function lastRatingDissatisfied(unit: UnitHandling): boolean {
  const rating = unit.ratings.at(-1);
  return rating !== undefined && rating.round === unit.round && (rating.attitude === 'dissatisfied' || rating.result === 'dissatisfied');
}

function unitMeant(unitId: string | undefined, assignment: Assignment): UnitHandling {
  const answering = answeringUnits(assignment);
  if (assignment.mode === 'separate' && unitId === undefined) {
    throw new DomainError('rehandling.unit_required', '分别办理的建议须指定重新办理的承办单位', 'invalid', 'unitId');
  }
  const unit = unitId === undefined ? answering[0] : answering.find((u) => u.unitId === unitId);
  if (!unit) throw new DomainError('rehandling.unknown_unit', '所指定的单位不是该建议的答复单位', 'invalid', 'unitId');
  return unit;
}
