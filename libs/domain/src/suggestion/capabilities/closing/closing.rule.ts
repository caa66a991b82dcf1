import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { answeringUnits, currentAssignment } from '../../assignment-view';
import { SuggestionEvent } from '../../events';
import { ExistingSuggestion } from '../../state';
import { CommandData } from '../shared/command-data';
import { isLater, isLeadDeputy, requireRole, requireStatus, requireText, STAFF_ROLES } from '../shared/guards';

/**
 * 撤回. The lead deputy may take the suggestion back until a unit has answered it; where the rulebook
 * says so, only before assignment (北京 第十三条). Where a joint suggestion needs every signer
 * (上海 第十条 "经代表一致要求"), each signer asks in turn and the last request withdraws it.
 */
export function withdraw(data: CommandData<'WithdrawSuggestion'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  const rule = ctx.rulebook.withdrawal;
  const joint = rule.coSignersMustAgree && state.coSignerIds.length > 0;
  const signer = ctx.actor.role === 'deputy' && (isLeadDeputy(state, ctx.actor) || (joint && state.coSignerIds.includes(ctx.actor.userId)));
  if (!signer) {
    throw new DomainError('withdraw.only_lead_deputy', joint ? '只有领衔代表和联名代表可以要求撤回建议' : '只有领衔代表可以撤回建议', 'forbidden');
  }
  if (rule.onlyBeforeAssignment) {
    requireStatus(state, ['submitted', 'accepted'], 'withdraw.already_assigned', '建议交办后不能撤回');
  }
  requireStatus(state, ['submitted', 'accepted', 'assigned'], 'withdraw.already_answered', '建议答复后不能撤回');
  // In separate mode the status stays `assigned` while one unit has already answered.
  if (currentAssignment(state)?.units.some((u) => u.answers.length > 0)) {
    throw new DomainError('withdraw.already_answered', '已有承办单位答复，建议不能撤回', 'conflict');
  }
  const reason = requireText(data.reason, 'reason', 'withdraw.reason_required', '撤回建议须说明理由');
  if (!joint) return [{ type: 'SuggestionWithdrawn', data: { reason } }];

  const agreed = new Set((state.withdrawalRequests ?? []).map((r) => r.deputyId));
  if (agreed.has(ctx.actor.userId)) {
    throw new DomainError('withdraw.already_requested', '您已要求撤回，等待其他联名代表一致要求', 'conflict');
  }
  const requested: SuggestionEvent = { type: 'WithdrawalRequested', data: { deputyId: ctx.actor.userId, reason } };
  agreed.add(ctx.actor.userId);
  const everyone = [state.leadDeputyId, ...state.coSignerIds].every((id) => agreed.has(id));
  return everyone ? [requested, { type: 'SuggestionWithdrawn', data: { reason } }] : [requested];
}

/** 办结: after the rating, or once the deputy's feedback window has passed without one (not rated). */
export function close(state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, STAFF_ROLES, 'close.only_staff', '只有代表工作机构工作人员可以办结建议');
  requireStatus(state, ['answered', 'rated'], 'close.not_answered', '只有已评价的建议，或已答复且代表反馈期限已过的建议，可以办结');
  if (state.status === 'answered') {
    // Answered but not rated: every unit's round is either rated or recorded as not rated, or the window has passed.
    const awaiting = answeringUnits(state.assignment).some((u) => u.stage === 'answered');
    const feedbackDueAt = state.assignment.feedbackDueAt;
    if (awaiting && (!feedbackDueAt || !isLater(ctx.now, feedbackDueAt))) {
      throw new DomainError('close.feedback_window_open', '代表评价期限尚未届满，暂不能办结', 'conflict');
    }
  }
  return [{ type: 'SuggestionClosed', data: {} }];
}
