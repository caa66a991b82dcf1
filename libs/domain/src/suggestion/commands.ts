import type { SubmissionCommand } from './capabilities/submission/submission.messages';
import type { SessionAssignmentCommand } from './capabilities/session-assignment/session-assignment.messages';
import type { AssignmentCommand } from './capabilities/assignment/assignment.messages';
import type { ReturningCommand } from './capabilities/returning/returning.messages';
import type { TransferCommand } from './capabilities/transfer/transfer.messages';
import type { HandlingCommand } from './capabilities/handling/handling.messages';
import type { ExtensionCommand } from './capabilities/extension/extension.messages';
import type { SupervisionCommand } from './capabilities/supervision/supervision.messages';
import type { AnsweringCommand } from './capabilities/answering/answering.messages';
import type { RatingCommand } from './capabilities/rating/rating.messages';
import type { RehandlingCommand } from './capabilities/rehandling/rehandling.messages';
import type { CommitmentsCommand } from './capabilities/commitments/commitments.messages';
import type { CommitmentRatingCommand } from './capabilities/commitment-rating/commitment-rating.messages';
import type { ClosingCommand } from './capabilities/closing/closing.messages';
import type { DeadlineRecordingCommand } from './capabilities/deadline-recording/deadline-recording.messages';
import type { GroupingCommand } from './capabilities/grouping/grouping.messages';
import type { DisclosureCommand } from './capabilities/disclosure/disclosure.messages';
import type { AttachmentsCommand } from './capabilities/attachments/attachments.messages';
import type { RecomputeDeadlinesCommand } from './capabilities/recompute-deadlines/recompute-deadlines.messages';
import type { DeliveryCommand } from './capabilities/delivery/delivery.messages';

/**
 * What people ask of a suggestion. Imperative; the decider answers with events or a DomainError.
 * Each capability declares its own commands beside its rule (capabilities/<capability>/<capability>.messages.ts);
 * this union only composes them, so a new capability adds one line here.
 */
export type SuggestionCommand =
  | SubmissionCommand
  | SessionAssignmentCommand
  | AssignmentCommand
  | ReturningCommand
  | TransferCommand
  | HandlingCommand
  | ExtensionCommand
  | SupervisionCommand
  | AnsweringCommand
  | RatingCommand
  | RehandlingCommand
  | CommitmentsCommand
  | CommitmentRatingCommand
  | ClosingCommand
  | DeadlineRecordingCommand
  | GroupingCommand
  | DisclosureCommand
  | AttachmentsCommand
  | RecomputeDeadlinesCommand
  | DeliveryCommand;

export type SuggestionCommandType = SuggestionCommand['type'];
