import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { SuggestionEvent } from '../../events';
import { deadlinesOf } from '../../assignment-view';
import { ExistingSuggestion } from '../../state';
import { CommandData } from '../shared/command-data';
import { isLater, requireAssignedUnit, requireInstant, requireRole, requireStatus, requireText, STAFF_ROLES, withReason } from '../shared/guards';

/** 延期答复: an answering unit asks for more time, never past the rulebook's maximum. */
export function requestExtension(data: CommandData<'RequestExtension'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  const { assignment, unit } = requireAssignedUnit(state, ctx.actor, 'extension.not_assigned_unit', '只有被交办的承办单位可以申请延期');
  if (unit.role === 'co') {
    throw new DomainError('extension.co_handler_cannot_extend', '协办单位不负责答复，不能申请延期答复', 'forbidden');
  }
  // In separate mode another unit may be re-handling while this one still owes its first answer.
  requireStatus(state, ['assigned', 'rehandling'], 'extension.not_assigned', '只有办理中的建议可以申请延期');
  if (unit.stage !== 'handling') {
    throw new DomainError('extension.already_answered', '本单位已经答复，不能再申请延期', 'conflict');
  }
  if (assignment.pendingExtension) {
    throw new DomainError('extension.already_pending', '已有待审批的延期申请', 'conflict');
  }
  if (ctx.rulebook.lateExtension === 'refuse' && isLater(ctx.now, unit.dueAt)) {
    throw new DomainError('extension.after_deadline', '答复期限已过，按本地规定不能再申请延期（延期应当在答复期限内申请）', 'conflict');
  }
  const reason = requireText(data.reason, 'reason', 'extension.reason_required', '申请延期必须说明理由');
  const until = requireInstant(data.until, 'until', 'extension.until_invalid', '延期截止时间格式不正确');
  if (!isLater(until, unit.dueAt)) {
    throw new DomainError('extension.not_later', '延期截止时间必须晚于当前答复期限', 'invalid', 'until');
  }
  // An overdue unit's due time is already past: asking for a time that has passed too extends nothing.
  if (!isLater(until, ctx.now)) {
    throw new DomainError('extension.until_in_past', '延期截止时间必须晚于当前时间', 'invalid', 'until');
  }
  if (isLater(until, deadlinesOf(assignment, unit).extensionMaxAt)) {
    throw new DomainError('extension.beyond_maximum', '延期后的答复期限不能超过办理规则规定的最长期限', 'invalid', 'until');
  }
  const requested: SuggestionEvent = { type: 'ExtensionRequested', data: { unitId: unit.unitId, reason, until } };
  // 河南 第二十条, 重庆 第二十一条: no approval, the unit tells the deputy; the request takes effect at once.
  if (ctx.rulebook.extension.approval === 'notice_only') {
    // Granted on request: asked after the due time passed, the lateness incurred stays all the same.
    const lateSince = isLater(ctx.now, unit.dueAt) ? { lateSince: unit.dueAt } : {};
    return [requested, { type: 'ExtensionGranted', data: withTold({ unitId: unit.unitId, until, reason: '依规定延期答复无需审批，已告知代表', ...lateSince }, ctx) }];
  }
  return [requested];
}

/** Marks a grant the deputy must be told of, as the rulebook in force says; the notification projection tells them. */
function withTold<T extends object>(data: T, ctx: DecisionContext): T & { tellDeputy?: true } {
  return ctx.rulebook.extension.tellDeputy ? { ...data, tellDeputy: true } : data;
}

export function decideExtension(data: CommandData<'DecideExtension'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, STAFF_ROLES, 'extension.only_staff', '只有代表工作机构工作人员可以审批延期申请');
  requireStatus(state, ['assigned', 'rehandling'], 'extension.none_pending', '没有待审批的延期申请');
  const pending = state.assignment.pendingExtension;
  if (!pending || pending.until === undefined) throw new DomainError('extension.none_pending', '没有待审批的延期申请', 'conflict');
  if (data.approve) {
    // Asked for after the due time in force had passed: the lateness was incurred then, and stays.
    const unit = state.assignment.units.find((u) => u.unitId === pending.unitId);
    const lateSince = unit && isLater(pending.requestedAt, unit.dueAt) ? { lateSince: unit.dueAt } : {};
    return [{ type: 'ExtensionGranted', data: withTold(withReason({ unitId: pending.unitId, until: pending.until, ...lateSince }, data.reason), ctx) }];
  }
  return [{ type: 'ExtensionDenied', data: withReason({ unitId: pending.unitId }, data.reason) }];
}
