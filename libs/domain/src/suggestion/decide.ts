import { DecisionContext } from '../shared/decider';
import { assertNever } from '../shared/errors';
import { SuggestionCommand } from './commands';
import { SuggestionEvent } from './events';
import { SuggestionState } from './state';
import { answer } from './rules/answering';
import { addAttachment, discardAttachment } from './rules/attachments';
import { assign } from './rules/assignment';
import { close, withdraw } from './rules/closing';
import { fulfilCommitment } from './rules/commitments';
import { recordDeadlines } from './rules/deadlines';
import { exemptFromDisclosure, publishAnswer } from './rules/disclosure';
import { decideExtension, requestExtension } from './rules/extension';
import { groupSuggestion, ungroupSuggestion } from './rules/grouping';
import { requireExisting } from './rules/guards';
import { contactDeputy, submitCoHandlerOpinion } from './rules/handling';
import { rate } from './rules/rating';
import { startRehandling } from './rules/rehandling';
import { rateCommitmentFulfilment } from './rules/commitment-rating';
import { decideReturn, requestReturn } from './rules/returning';
import { scheduleAssignment } from './rules/session-assignment';
import { accept, reject, submit } from './rules/submission';
import { transfer } from './rules/transfer';
import { recomputeDeadlines } from './rules/recompute-deadlines';
import { acknowledgeAnswer } from './rules/delivery';
import { startKeySupervision, urge } from './rules/supervision';

/** Every rule of the suggestion's lifecycle; throws DomainError naming the rule it refuses by. */
export function decideSuggestion(command: SuggestionCommand, state: SuggestionState, ctx: DecisionContext): SuggestionEvent[] {
  if (command.type === 'SubmitSuggestion') return submit(command.data, state, ctx);
  const existing = requireExisting(state);
  switch (command.type) {
    case 'AcceptSuggestion':
      return accept(command.data, existing, ctx);
    case 'ScheduleAssignment':
      return scheduleAssignment(command.data, existing, ctx);
    case 'RejectSuggestion':
      return reject(command.data, existing, ctx);
    case 'AssignSuggestion':
      return assign(command.data, existing, ctx);
    case 'RequestReturn':
      return requestReturn(command.data, existing, ctx);
    case 'DecideReturn':
      return decideReturn(command.data, existing, ctx);
    case 'TransferSuggestion':
      return transfer(command.data, existing, ctx);
    case 'ContactDeputy':
      return contactDeputy(command.data, existing, ctx);
    case 'SubmitCoHandlerOpinion':
      return submitCoHandlerOpinion(command.data, existing, ctx);
    case 'RequestExtension':
      return requestExtension(command.data, existing, ctx);
    case 'DecideExtension':
      return decideExtension(command.data, existing, ctx);
    case 'StartKeySupervision':
      return startKeySupervision(command.data, existing, ctx);
    case 'UrgeSuggestion':
      return urge(command.data, existing, ctx);
    case 'AnswerSuggestion':
      return answer(command.data, existing, ctx);
    case 'RateSuggestion':
      return rate(command.data, existing, ctx);
    case 'FulfilCommitment':
      return fulfilCommitment(command.data, existing, ctx);
    case 'RateCommitmentFulfilment':
      return rateCommitmentFulfilment(command.data, existing, ctx);
    case 'StartRehandling':
      return startRehandling(command.data, existing, ctx);
    case 'WithdrawSuggestion':
      return withdraw(command.data, existing, ctx);
    case 'CloseSuggestion':
      return close(existing, ctx);
    case 'RecordDeadlines':
      return recordDeadlines(existing, ctx);
    case 'GroupSuggestion':
      return groupSuggestion(command.data, existing, ctx);
    case 'UngroupSuggestion':
      return ungroupSuggestion(command.data, existing, ctx);
    case 'PublishAnswer':
      return publishAnswer(existing, ctx);
    case 'ExemptFromDisclosure':
      return exemptFromDisclosure(command.data, existing, ctx);
    case 'AddAttachment':
      return addAttachment(command.data, existing, ctx);
    case 'DiscardAttachment':
      return discardAttachment(command.data, existing, ctx);
    case 'RecomputeDeadlines':
      return recomputeDeadlines(command.data, existing, ctx);
    case 'AcknowledgeAnswer':
      return acknowledgeAnswer(existing, ctx);
    default:
      return assertNever(command, 'suggestion command');
  }
}
