import { DecisionContext } from '../../../shared/decider';
import { DomainError } from '../../../shared/errors';
import { SuggestionEvent } from '../../events';
import { ExistingSuggestion } from '../../state';
import { CommandData } from '../shared/command-data';
import { requireText } from '../shared/guards';

/**
 * 承诺事项落实. Followed until fulfilled, whatever the suggestion's status after the answer
 * (even once closed): units are judged by what they did, not only by what they wrote.
 */
export function fulfilCommitment(data: CommandData<'FulfilCommitment'>, state: ExistingSuggestion, ctx: DecisionContext): SuggestionEvent[] {
  if (ctx.actor.role !== 'unit') {
    throw new DomainError('commitment.only_unit', '只有作出承诺的承办单位可以登记落实情况', 'forbidden');
  }
  const commitment = state.commitments.find((c) => c.commitmentId === data.commitmentId);
  if (!commitment) {
    throw new DomainError('commitment.not_found', `承诺事项 ${data.commitmentId} 不存在`, 'invalid', 'commitmentId');
  }
  if (commitment.unitId !== ctx.actor.unitId) {
    throw new DomainError('commitment.not_own_unit', '只有作出承诺的承办单位可以登记落实情况', 'forbidden');
  }
  if (commitment.fulfilledAt) {
    throw new DomainError('commitment.already_fulfilled', '该承诺事项已经登记为落实', 'conflict');
  }
  const evidence = requireText(data.evidence, 'evidence', 'commitment.evidence_required', '请填写落实情况说明');
  return [{ type: 'CommitmentFulfilled', data: { commitmentId: commitment.commitmentId, unitId: commitment.unitId, evidence } }];
}
