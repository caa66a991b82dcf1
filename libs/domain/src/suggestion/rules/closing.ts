import { DecisionContext } from '../../shared/decider';
import { DomainError } from '../../shared/errors';
import { answeringUnits, currentAssignment } from '../assignment-view';
import { SuggestionEvent } from '../events';
import { ExistingSuggestion } from '../state';
import { CommandData } from './command-data';
import { isLater, isLeadDeputy, requireRole, requireStatus, requireText, STAFF_ROLES } from './guards';

/** The lead deputy may take the suggestion back until a unit has answered it. */
export function withdraw(data: CommandData<'WithdrawSuggestion'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  if (!isLeadDeputy(state, ctx.actor)) {
    throw new DomainError('withdraw.only_lead_deputy', '只有领衔代表可以撤回建议', 'forbidden');
  }
  requireStatus(state, ['submitted', 'accepted', 'assigned'], 'withdraw.already_answered', '建议答复后不能撤回');
  // In separate mode the status stays `assigned` while one unit has already answered.
  if (currentAssignment(state)?.units.some((u) => u.answers.length > 0)) {
    throw new DomainError('withdraw.already_answered', '已有承办单位答复，建议不能撤回', 'conflict');
  }
  const reason = requireText(data.reason, 'reason', 'withdraw.reason_required', '撤回建议须说明理由');
  return [{ type: 'SuggestionWithdrawn', data: { reason } }];
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
