import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { LEGACY_SESSION_ID } from '../../../session/events';
import { SuggestionEvent } from '../../events';
import { ExistingSuggestion, SuggestionState } from '../../state';
import { CommandData } from '../shared/command-data';
import { assignmentDueAt } from '../session-assignment/session-assignment.rule';
import { requireRole, requireStatus, requireText, STAFF_ROLES } from '../shared/guards';

export function submit(data: CommandData<'SubmitSuggestion'>, state: SuggestionState, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, ['deputy', ...STAFF_ROLES], 'submit.only_deputy', '只有人大代表可以提出建议');
  const onBehalf = ctx.actor.role !== 'deputy';
  // Staff register a suggestion received on paper or imported, always naming the deputy who made it;
  // a deputy speaks only for themselves.
  if (onBehalf && (data.leadDeputyId === undefined || data.leadDeputyId.trim() === '')) {
    throw new DomainError('submit.lead_deputy_required', '代为登记建议须指定领衔代表', 'invalid', 'leadDeputyId');
  }
  if (!onBehalf && data.leadDeputyId !== undefined && data.leadDeputyId !== ctx.actor.userId) {
    throw new DomainError('submit.lead_deputy_only_staff', '只有工作人员可以代代表登记建议', 'invalid', 'leadDeputyId');
  }
  const leadDeputyId = onBehalf ? data.leadDeputyId!.trim() : ctx.actor.userId;
  if (state.status !== 'none') throw new DomainError('submit.already_exists', '该建议已经提交，不能重复提交', 'conflict');
  const suggestionId = requireText(data.suggestionId, 'suggestionId', 'submit.id_required', '建议编号不能为空');
  const title = requireText(data.title, 'title', 'submit.title_required', '建议标题不能为空');
  const content = requireText(data.content, 'content', 'submit.content_required', '建议内容不能为空');
  const sessionId = data.sessionId === undefined ? LEGACY_SESSION_ID : requireText(data.sessionId, 'sessionId', 'submit.session_required', '会次不能为空');
  const coSignerIds = data.coSignerIds.map((id) => id.trim());
  if (new Set(coSignerIds).size !== coSignerIds.length) {
    throw new DomainError('submit.co_signers_duplicate', '附议代表不能重复', 'invalid', 'coSignerIds');
  }
  if (coSignerIds.includes(leadDeputyId)) {
    throw new DomainError('submit.co_signer_is_submitter', '领衔代表不能同时作为附议代表', 'invalid', 'coSignerIds');
  }
  if (coSignerIds.some((id) => id === '')) {
    throw new DomainError('submit.co_signer_empty', '附议代表不能为空', 'invalid', 'coSignerIds');
  }
  // Only a request to hide is stored, so the events of the many who do not ask stay as they were.
  return [
    {
      type: 'SuggestionSubmitted',
      data: {
        suggestionId,
        title,
        content,
        leadDeputyId,
        coSignerIds,
        ...(data.hideDeputyName === true ? { hideDeputyName: true } : {}),
        sessionId,
        ...(data.delegationId !== undefined ? { delegationId: data.delegationId } : {}),
        ...(data.delegationId !== undefined && data.delegationHeadId !== undefined ? { delegationHeadId: data.delegationHeadId } : {}),
        ...(onBehalf ? { registeredBy: ctx.actor.userId } : {}),
      },
    },
  ];
}

export function accept(data: CommandData<'AcceptSuggestion'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, STAFF_ROLES, 'accept.only_staff', '只有代表工作机构工作人员可以立案');
  requireStatus(state, ['submitted'], 'accept.not_submitted', '只有已提交、尚未处理的建议可以立案');
  // The assignment target runs from submission (交办 within N working days of receipt).
  // The assignment target runs from submission between sessions, to the 交办 date during the meeting.
  const assignDueAt = assignmentDueAt(state.submittedAt, data.session, ctx);
  return [{ type: 'SuggestionAccepted', data: { assignDueAt, ...(data.number !== undefined ? { number: data.number } : {}) } }];
}

export function reject(data: CommandData<'RejectSuggestion'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, STAFF_ROLES, 'reject.only_staff', '只有代表工作机构工作人员可以决定不予立案');
  requireStatus(state, ['submitted'], 'reject.not_submitted', '只有已提交、尚未处理的建议可以不予立案');
  const reason = requireText(data.reason, 'reason', 'reject.reason_required', '不予立案必须说明理由');
  return [{ type: 'SuggestionRejected', data: { reason } }];
}
