import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { dueAt } from '../../../rulebook/periods';
import { SuggestionEvent } from '../../events';
import { deadlinesOf } from '../../assignment-view';
import { ExistingSuggestion } from '../../state';
import { CommandData } from '../shared/command-data';
import { isLater, requireAssignedUnit, requireRole, requireStatus, requireText, STAFF_ROLES, withReason } from '../shared/guards';

/** 退回: a unit that thinks the suggestion is not its business asks staff to take it back. */
export function requestReturn(data: CommandData<'RequestReturn'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  const { assignment, unit } = requireAssignedUnit(state, ctx.actor, 'return.not_assigned_unit', '只有被交办的承办单位可以申请退回');
  requireStatus(state, ['assigned'], 'return.not_assigned', '只有办理中的建议可以申请退回');
  if (assignment.pendingReturn) {
    throw new DomainError('return.already_pending', '已有待审批的退回申请', 'conflict');
  }
  if (unit.answers.length > 0) {
    throw new DomainError('return.already_answered', '本单位已经答复，不能再申请退回', 'conflict');
  }
  if (isLater(ctx.now, deadlinesOf(assignment, unit).returnDueAt)) {
    throw new DomainError('return.window_closed', '已超过申请退回的期限，不能再申请退回', 'conflict');
  }
  const reason = requireText(data.reason, 'reason', 'return.reason_required', '申请退回必须说明理由');
  return [{ type: 'ReturnRequested', data: { unitId: unit.unitId, reason } }];
}

export function decideReturn(data: CommandData<'DecideReturn'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, STAFF_ROLES, 'return.only_staff', '只有代表工作机构工作人员可以审批退回申请');
  requireStatus(state, ['assigned'], 'return.none_pending', '没有待审批的退回申请');
  const pending = state.assignment.pendingReturn;
  if (!pending) throw new DomainError('return.none_pending', '没有待审批的退回申请', 'conflict');
  if (data.approve) {
    // Back to staff, who have a fresh assignment target from now.
    const assignDueAt = dueAt(ctx.now, ctx.rulebook.assignWithin, ctx.calendar);
    return [{ type: 'ReturnApproved', data: withReason({ unitId: pending.unitId, assignDueAt }, data.reason) }];
  }
  return [{ type: 'ReturnDenied', data: withReason({ unitId: pending.unitId }, data.reason) }];
}
