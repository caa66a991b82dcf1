import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { answeringUnits, currentAssignment } from '../../assignment-view';
import { SuggestionEvent } from '../../events';
import { Assignment, ExistingSuggestion, UnitHandling } from '../../state';
import { SATISFACTION_LEVELS, Satisfaction } from '../../values';
import { CommandData } from '../shared/command-data';
import { isLeadDeputy } from '../shared/guards';

/**
 * 承诺事项落实评价 (重庆 第二十八条): once a unit has reported every commitment of its answers
 * fulfilled, the lead deputy rates how they were carried out, apart from the rating of the answer
 * (第二十六条). Dissatisfied needs the deputy's view, and 人代工委 convenes the deputy and the unit:
 * staff and supervisors see it flagged.
 */
export function rateCommitmentFulfilment(data: CommandData<'RateCommitmentFulfilment'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  if (!isLeadDeputy(state, ctx.actor)) {
    throw new DomainError('commitment_rating.only_lead_deputy', '只有领衔代表本人可以评价承诺事项落实情况', 'forbidden');
  }
  if (!ctx.rulebook.commitmentFulfilmentRating) {
    throw new DomainError('commitment_rating.not_in_rulebook', '现行办理规则不单独评价承诺事项落实情况', 'conflict');
  }
  const assignment = currentAssignment(state);
  if (!assignment || state.status === 'withdrawn') {
    throw new DomainError('commitment_rating.no_commitments', '该建议没有承诺事项', 'conflict');
  }
  const unit = unitMeant(data.unitId, assignment);
  const commitments = state.commitments.filter((c) => c.unitId === unit.unitId);
  if (commitments.length === 0) {
    throw new DomainError('commitment_rating.no_commitments', '该承办单位的答复没有承诺事项', 'conflict');
  }
  if (commitments.some((c) => c.fulfilledAt === undefined)) {
    throw new DomainError('commitment_rating.not_fulfilled', '承办单位尚未报告全部承诺事项的落实情况，暂不能评价', 'conflict');
  }
  if (unit.commitmentRating) {
    throw new DomainError('commitment_rating.already_rated', '已经评价过该承办单位的承诺事项落实情况', 'conflict');
  }
  if (!(SATISFACTION_LEVELS as readonly string[]).includes(data.rating)) {
    throw new DomainError('commitment_rating.invalid_level', '评价只能是满意、基本满意或不满意', 'invalid', 'rating');
  }
  const rating = data.rating as Satisfaction;
  const reason = data.reason?.trim();
  if (rating === 'dissatisfied' && !reason) {
    throw new DomainError('commitment_rating.reason_required', '评价为不满意时必须填写具体意见', 'invalid', 'reason');
  }
  const events: SuggestionEvent[] = [
    { type: 'CommitmentFulfilmentRated', data: { unitId: unit.unitId, rating, ...(reason ? { reason } : {}) } },
  ];
  if (rating === 'dissatisfied') {
    events.push({ type: 'SuggestionEscalated', data: { unitId: unit.unitId, reason: '代表对承诺事项落实情况不满意，召集代表和承办单位研究提出处理意见' } });
  }
  return events;
}

function unitMeant(unitId: string | undefined, assignment: Assignment): UnitHandling {
  const answering = answeringUnits(assignment);
  if (assignment.mode === 'separate' && unitId === undefined) {
    throw new DomainError('commitment_rating.unit_required', '分别办理的建议须对每个承办单位分别评价，请指定承办单位', 'invalid', 'unitId');
  }
  const unit = unitId === undefined ? answering[0] : answering.find((u) => u.unitId === unitId);
  if (!unit) throw new DomainError('commitment_rating.unknown_unit', '所指定的单位不是该建议的答复单位', 'invalid', 'unitId');
  return unit;
}
