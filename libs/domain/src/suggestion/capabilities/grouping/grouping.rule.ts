import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { SuggestionEvent } from '../../events';
import { ExistingSuggestion } from '../../state';
import { CommandData } from '../shared/command-data';
import { requireRole, requireStatus, requireText, STAFF_ROLES } from '../shared/guards';

/**
 * 并案 ("办理一件、解决一类"): staff link similar suggestions before they are assigned. The api
 * applies the command to every member; afterwards each member is assigned and answered by the same
 * commands, and each keeps its own deputies' ratings.
 */
export function groupSuggestion(data: CommandData<'GroupSuggestion'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, STAFF_ROLES, 'group.only_staff', '只有代表工作机构工作人员可以并案办理');
  requireStatus(state, ['submitted', 'accepted'], 'group.not_open', '只有已提交或已立案、尚未交办的建议可以并案');
  if (state.groupId !== undefined) {
    throw new DomainError('group.already_grouped', '该建议已经并案，不能再并入其他案组', 'conflict');
  }
  const groupId = requireText(data.groupId, 'groupId', 'group.id_required', '并案编号不能为空');
  const memberIds = data.memberIds.map((id) => id.trim());
  if (memberIds.some((id) => id === '')) throw invalid('group.member_empty', '并案建议编号不能为空', 'memberIds');
  if (new Set(memberIds).size !== memberIds.length) throw invalid('group.members_duplicate', '并案建议不能重复', 'memberIds');
  if (memberIds.length < 2) throw invalid('group.needs_two', '并案至少需要两件建议', 'memberIds');
  if (!memberIds.includes(state.id)) throw invalid('group.not_member', '本建议不在并案建议名单中', 'memberIds');
  const primarySuggestionId = data.primarySuggestionId.trim();
  if (!memberIds.includes(primarySuggestionId)) {
    throw invalid('group.primary_not_member', '主办建议必须是并案建议之一', 'primarySuggestionId');
  }
  return [{ type: 'SuggestionGrouped', data: { groupId, primarySuggestionId, memberIds } }];
}

/**
 * Groups span several streams and no store appends to several at once: the api takes the members one
 * by one, and when one of them was taken by a rival group first, it releases those it already took.
 * Only the group that holds the suggestion can release it, so a release never undoes another group.
 */
export function ungroupSuggestion(data: CommandData<'UngroupSuggestion'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, STAFF_ROLES, 'group.only_staff', '只有代表工作机构工作人员可以并案办理');
  const groupId = requireText(data.groupId, 'groupId', 'group.id_required', '并案编号不能为空');
  if (state.groupId !== groupId) {
    throw new DomainError('group.not_in_group', '该建议不在这个并案组中', 'conflict');
  }
  const reason = requireText(data.reason, 'reason', 'group.reason_required', '解除并案须说明原因');
  return [{ type: 'SuggestionUngrouped', data: { groupId, reason } }];
}

function invalid(code: string, message: string, field: string): DomainError {
  return new DomainError(code, message, 'invalid', field);
}
