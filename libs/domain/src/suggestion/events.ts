import type { SubmissionEvent } from './capabilities/submission/submission.messages';
import type { SessionAssignmentEvent } from './capabilities/session-assignment/session-assignment.messages';
import type { AssignmentEvent } from './capabilities/assignment/assignment.messages';
import type { ReturningEvent } from './capabilities/returning/returning.messages';
import type { TransferEvent } from './capabilities/transfer/transfer.messages';
import type { HandlingEvent } from './capabilities/handling/handling.messages';
import type { ExtensionEvent } from './capabilities/extension/extension.messages';
import type { SupervisionEvent } from './capabilities/supervision/supervision.messages';
import type { AnsweringEvent } from './capabilities/answering/answering.messages';
import type { RatingEvent } from './capabilities/rating/rating.messages';
import type { RehandlingEvent } from './capabilities/rehandling/rehandling.messages';
import type { CommitmentsEvent } from './capabilities/commitments/commitments.messages';
import type { CommitmentRatingEvent } from './capabilities/commitment-rating/commitment-rating.messages';
import type { ClosingEvent } from './capabilities/closing/closing.messages';
import type { DeadlineRecordingEvent } from './capabilities/deadline-recording/deadline-recording.messages';
import type { GroupingEvent } from './capabilities/grouping/grouping.messages';
import type { DisclosureEvent } from './capabilities/disclosure/disclosure.messages';
import type { AttachmentsEvent } from './capabilities/attachments/attachments.messages';
import type { RecomputeDeadlinesEvent } from './capabilities/recompute-deadlines/recompute-deadlines.messages';
import type { DeliveryEvent } from './capabilities/delivery/delivery.messages';

export type { DeadlineEventData } from './capabilities/deadline-recording/deadline-recording.messages';
export type { DeadlineChange } from './capabilities/recompute-deadlines/recompute-deadlines.messages';

/**
 * Everything that can happen to one suggestion (stream `suggestion-<id>`).
 * Past tense; who and when are in the metadata, never in `data`, except where the time is a
 * business fact of its own (a due time). Deadlines are computed when decided and stored, so a
 * later rulebook change never rewrites history. Each capability declares the events it records
 * beside its rule; this union only composes them.
 */
export type SuggestionEvent =
  | SubmissionEvent
  | SessionAssignmentEvent
  | AssignmentEvent
  | ReturningEvent
  | TransferEvent
  | HandlingEvent
  | ExtensionEvent
  | SupervisionEvent
  | AnsweringEvent
  | RatingEvent
  | RehandlingEvent
  | CommitmentsEvent
  | CommitmentRatingEvent
  | ClosingEvent
  | DeadlineRecordingEvent
  | GroupingEvent
  | DisclosureEvent
  | AttachmentsEvent
  | RecomputeDeadlinesEvent
  | DeliveryEvent;

export type SuggestionEventType = SuggestionEvent['type'];

export const SUGGESTION_STREAM_PREFIX = 'suggestion-';
export const suggestionStreamId = (id: string): string => `${SUGGESTION_STREAM_PREFIX}${id}`;
