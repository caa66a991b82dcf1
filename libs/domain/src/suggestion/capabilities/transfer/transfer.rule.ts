import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { dueAt } from '../../../rulebook/periods';
import { findUnit } from '../../assignment-view';
import { SuggestionEvent } from '../../events';
import { ExistingSuggestion } from '../../state';
import { AssignmentDeadlines } from '../../values';
import { CommandData } from '../shared/command-data';
import { requireRole, requireStatus, requireText, STAFF_ROLES } from '../shared/guards';

/**
 * 转办: staff hand one unit's part of the current assignment to another unit, with a reason. The
 * regulations forbid a unit to pass a suggestion on by itself (不得自行转办); it is the assigning
 * office that 重新确定承办单位并交办, so only staff may, and only while the suggestion is being handled
 * (`assigned`) and the unit has not answered (or sent its co-handling opinion) yet: once it has,
 * its answer is the deputy's to rate. A re-handling is that unit's own duty after a dissatisfied
 * rating, so it is not transferred either (staff can escalate instead).
 *
 * The new unit gets a fresh clock from the transfer: the law counts three months 自交办之日起,
 * and for the new unit the transfer is its 交办 (代表法 第五十一条; 浙江 第十四条, 重庆 第十六条:
 * the office 重新确定承办单位并交办). Keeping the old unit's remaining time would leave it weeks.
 */
export function transfer(data: CommandData<'TransferSuggestion'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, STAFF_ROLES, 'transfer.only_staff', '只有代表工作机构工作人员可以转办');
  requireStatus(state, ['assigned'], 'transfer.not_assigned', '只有办理中的建议可以转办');
  const fromUnitId = data.fromUnitId.trim();
  const toUnitId = data.toUnitId.trim();
  const from = findUnit(state.assignment, fromUnitId);
  if (!from) {
    throw new DomainError('transfer.from_not_assigned', '原承办单位不是本建议当前的承办单位', 'conflict', 'fromUnitId');
  }
  if (from.stage !== 'handling' || from.answers.length > 0 || from.coOpinion) {
    throw new DomainError('transfer.already_answered', '原承办单位已经答复或提交协办意见，不能再转办', 'conflict', 'fromUnitId');
  }
  if (toUnitId === '') throw new DomainError('transfer.to_unit_empty', '新承办单位不能为空', 'invalid', 'toUnitId');
  if (findUnit(state.assignment, toUnitId)) {
    throw new DomainError('transfer.to_already_assigned', '新承办单位已是本建议的承办单位', 'conflict', 'toUnitId');
  }
  const reason = requireText(data.reason, 'reason', 'transfer.reason_required', '转办必须说明理由');
  const { rulebook, calendar, now } = ctx;
  const deadlines: AssignmentDeadlines = {
    answerDueAt: dueAt(now, rulebook.answerWithin, calendar),
    extensionMaxAt: dueAt(now, rulebook.extendedAnswerMax, calendar),
    returnDueAt: dueAt(now, rulebook.returnWithin, calendar),
    // Only where a text sets a contact deadline (重庆 第十八条); elsewhere contact has no due time.
    ...(rulebook.contactWithin ? { contactDueAt: dueAt(now, rulebook.contactWithin, calendar) } : {}),
    ...(from.role === 'co' ? { coOpinionDueAt: dueAt(now, rulebook.coOpinionWithin, calendar) } : {}),
  };
  return [{ type: 'SuggestionTransferred', data: { fromUnitId, toUnitId, reason, ...deadlines } }];
}
