import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { SuggestionEvent } from '../../events';
import { ExistingSuggestion } from '../../state';
import { CommandData } from '../shared/command-data';
import { requireRole, requireStatus, requireText } from '../shared/guards';

const SUPERVISING_ROLES = ['supervisor', 'staff', 'admin'] as const;

/** 重点督办: chosen by the council of chairpersons, recorded by staff or the supervisor. */
export function startKeySupervision(
  data: CommandData<'StartKeySupervision'>,
  state: ExistingSuggestion,
  ctx: DecisionContext,
): SuggestionEvent[] {
  requireRole(ctx.actor, SUPERVISING_ROLES, 'supervision.forbidden_role', '只有督办人或代表工作机构工作人员可以确定重点督办建议');
  requireStatus(
    state,
    ['submitted', 'accepted', 'assigned', 'answered', 'rehandling', 'rated'],
    'supervision.not_open',
    '已办结、已撤回或不予立案的建议不能列为重点督办',
  );
  if (state.keySupervision) throw new DomainError('supervision.already_key', '该建议已经是重点督办建议', 'conflict');
  const supervisorId = requireText(data.supervisorId, 'supervisorId', 'supervision.supervisor_required', '请指定督办人');
  const leaderName = data.leaderName?.trim();
  return [{ type: 'KeySupervisionStarted', data: leaderName ? { supervisorId, leaderName } : { supervisorId } }];
}

/** 催办 */
export function urge(data: CommandData<'UrgeSuggestion'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, SUPERVISING_ROLES, 'urge.forbidden_role', '只有督办人或代表工作机构工作人员可以催办');
  requireStatus(state, ['accepted', 'assigned', 'answered', 'rehandling'], 'urge.not_open', '只有正在办理的建议可以催办');
  const note = requireText(data.note, 'note', 'urge.note_required', '催办意见不能为空');
  return [{ type: 'SuggestionUrged', data: { note } }];
}
