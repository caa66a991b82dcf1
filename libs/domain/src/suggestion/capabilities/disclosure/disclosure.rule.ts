import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { currentAssignment } from '../../assignment-view';
import { SuggestionEvent } from '../../events';
import { ExistingSuggestion } from '../../state';
import { EXEMPTION_REASONS, ExemptionReason } from '../../values';
import { CommandData } from '../shared/command-data';
import { requireRole, STAFF_ROLES } from '../shared/guards';

/** 公开: staff publish a suggestion with its answers, once it has one, unless it is exempt. */
export function publishAnswer(state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  requireRole(ctx.actor, STAFF_ROLES, 'disclosure.only_staff', '只有代表工作机构工作人员可以公开建议办理情况');
  if (state.disclosure.status === 'exempt') {
    throw new DomainError('disclosure.exempt', '该建议已确定不予公开，不能公开', 'conflict');
  }
  if (state.disclosure.status === 'published') {
    throw new DomainError('disclosure.already_published', '该建议已经公开', 'conflict');
  }
  if (!currentAssignment(state)?.units.some((u) => u.answers.length > 0)) {
    throw new DomainError('disclosure.not_answered', '建议答复后才能公开', 'conflict');
  }
  return [{ type: 'AnswerPublished', data: {} }];
}

/**
 * 不予公开: for a state or commercial secret, personal privacy, or because the deputy asked.
 * Allowed at any time, also after publication, which it withdraws: exemption wins.
 */
export function exemptFromDisclosure(
  data: CommandData<'ExemptFromDisclosure'>,
  state: ExistingSuggestion,
  ctx: DecisionContext,
): SuggestionEvent[] {
  requireRole(ctx.actor, STAFF_ROLES, 'disclosure.only_staff', '只有代表工作机构工作人员可以确定不予公开');
  if (!(EXEMPTION_REASONS as readonly string[]).includes(data.reason)) {
    throw new DomainError(
      'disclosure.invalid_reason',
      '不予公开的理由只能是国家秘密、商业秘密、个人隐私或代表要求保密',
      'invalid',
      'reason',
    );
  }
  if (state.disclosure.status === 'exempt') {
    throw new DomainError('disclosure.already_exempt', '该建议已经确定不予公开', 'conflict');
  }
  const note = data.note?.trim();
  return [{ type: 'DisclosureExempted', data: { reason: data.reason as ExemptionReason, ...(note ? { note } : {}) } }];
}
