import { DecisionContext } from '../shared/decider';
import { assertNever } from '../shared/errors';
import { SuggestionCommand } from './commands';
import { SuggestionEvent } from './events';
import { SuggestionState } from './state';
import { answer } from './capabilities/answering/answering.rule';
import { addAttachment, discardAttachment } from './capabilities/attachments/attachments.rule';
import { assign } from './capabilities/assignment/assignment.rule';
import { close, withdraw } from './capabilities/closing/closing.rule';
import { fulfilCommitment } from './capabilities/commitments/commitments.rule';
import { recordDeadlines } from './capabilities/deadline-recording/deadline-recording.rule';
import { exemptFromDisclosure, publishAnswer } from './capabilities/disclosure/disclosure.rule';
import { decideExtension, requestExtension } from './capabilities/extension/extension.rule';
import { groupSuggestion, ungroupSuggestion } from './capabilities/grouping/grouping.rule';
import { requireExisting } from './capabilities/shared/guards';
import { contactDeputy, submitCoHandlerOpinion } from './capabilities/handling/handling.rule';
import { rate } from './capabilities/rating/rating.rule';
import { startRehandling } from './capabilities/rehandling/rehandling.rule';
import { rateCommitmentFulfilment } from './capabilities/commitment-rating/commitment-rating.rule';
import { decideReturn, requestReturn } from './capabilities/returning/returning.rule';
import { scheduleAssignment } from './capabilities/session-assignment/session-assignment.rule';
import { accept, reject, submit } from './capabilities/submission/submission.rule';
import { transfer } from './capabilities/transfer/transfer.rule';
import { recomputeDeadlines } from './capabilities/recompute-deadlines/recompute-deadlines.rule';
import { acknowledgeAnswer } from './capabilities/delivery/delivery.rule';
import { startKeySupervision, urge } from './capabilities/supervision/supervision.rule';

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
