import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { SuggestionEvent } from '../../events';
import { ExistingSuggestion } from '../../state';
import { CommandData } from '../shared/command-data';
import { requireAssignedUnit, requireStatus, requireText } from '../shared/guards';

/** Any assigned unit, co-handlers included, logs its contact with the deputy (走访、座谈、电话…). */
export function contactDeputy(data: CommandData<'ContactDeputy'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  const { unit } = requireAssignedUnit(state, ctx.actor, 'contact.not_assigned_unit', '只有被交办的承办单位可以登记联系代表情况');
  requireStatus(state, ['assigned', 'rehandling'], 'contact.not_open', '只有办理中或重新办理中的建议可以登记联系代表');
  const method = requireText(data.method, 'method', 'contact.method_required', '请填写联系方式');
  const summary = requireText(data.summary, 'summary', 'contact.summary_required', '请填写沟通情况');
  return [{ type: 'DeputyContacted', data: { unitId: unit.unitId, method, summary } }];
}

/** 协办意见: each co-handler sends the lead unit one written opinion. */
export function submitCoHandlerOpinion(
  data: CommandData<'SubmitCoHandlerOpinion'>,
  state: ExistingSuggestion,
  ctx: DecisionContext,
): SuggestionEvent[] {
  const { unit } = requireAssignedUnit(state, ctx.actor, 'co_opinion.not_assigned_unit', '只有被交办的协办单位可以提交协办意见');
  if (unit.role !== 'co') {
    throw new DomainError('co_opinion.only_co_handler', '只有主办协办方式中的协办单位可以提交协办意见', 'forbidden');
  }
  requireStatus(state, ['assigned'], 'co_opinion.not_assigned', '只有办理中的建议可以提交协办意见');
  if (unit.coOpinion) throw new DomainError('co_opinion.already_submitted', '本单位已经提交过协办意见', 'conflict');
  const content = requireText(data.content, 'content', 'co_opinion.content_required', '协办意见不能为空');
  return [{ type: 'CoHandlerOpinionSubmitted', data: { unitId: unit.unitId, content } }];
}
