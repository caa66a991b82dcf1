import { DecisionContext } from '../../shared/decider';
import { DomainError } from '../../shared/errors';
import { dueAt } from '../../rulebook/periods';
import { SuggestionEvent } from '../events';
import { ExistingSuggestion, SuggestionState } from '../state';
import { CommandData } from './command-data';
import { requireRole, requireStatus, requireText, STAFF_ROLES } from './guards';

export function submit(data: CommandData<'SubmitSuggestion'>, state: SuggestionState, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, ['deputy'], 'submit.only_deputy', '只有人大代表可以提出建议');
  if (state.status !== 'none') throw new DomainError('submit.already_exists', '该建议已经提交，不能重复提交', 'conflict');
  const suggestionId = requireText(data.suggestionId, 'suggestionId', 'submit.id_required', '建议编号不能为空');
  const title = requireText(data.title, 'title', 'submit.title_required', '建议标题不能为空');
  const content = requireText(data.content, 'content', 'submit.content_required', '建议内容不能为空');
  const coSignerIds = data.coSignerIds.map((id) => id.trim());
  if (new Set(coSignerIds).size !== coSignerIds.length) {
    throw new DomainError('submit.co_signers_duplicate', '附议代表不能重复', 'invalid', 'coSignerIds');
  }
  if (coSignerIds.includes(ctx.actor.userId)) {
    throw new DomainError('submit.co_signer_is_submitter', '领衔代表不能同时作为附议代表', 'invalid', 'coSignerIds');
  }
  if (coSignerIds.some((id) => id === '')) {
    throw new DomainError('submit.co_signer_empty', '附议代表不能为空', 'invalid', 'coSignerIds');
  }
  // Only a request to hide is stored, so the events of the many who do not ask stay as they were.
  return [
    {
      type: 'SuggestionSubmitted',
      data: { suggestionId, title, content, leadDeputyId: ctx.actor.userId, coSignerIds, ...(data.hideDeputyName === true ? { hideDeputyName: true } : {}) },
    },
  ];
}

export function accept(state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, STAFF_ROLES, 'accept.only_staff', '只有代表工作机构工作人员可以立案');
  requireStatus(state, ['submitted'], 'accept.not_submitted', '只有已提交、尚未处理的建议可以立案');
  // The assignment target runs from submission (交办 within N working days of receipt).
  return [{ type: 'SuggestionAccepted', data: { assignDueAt: dueAt(state.submittedAt, ctx.rulebook.assignWithin, ctx.calendar) } }];
}

export function reject(data: CommandData<'RejectSuggestion'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, STAFF_ROLES, 'reject.only_staff', '只有代表工作机构工作人员可以决定不予立案');
  requireStatus(state, ['submitted'], 'reject.not_submitted', '只有已提交、尚未处理的建议可以不予立案');
  const reason = requireText(data.reason, 'reason', 'reject.reason_required', '不予立案必须说明理由');
  return [{ type: 'SuggestionRejected', data: { reason } }];
}
