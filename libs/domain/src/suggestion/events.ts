import { ObligationKind } from './deadlines/obligation';
import { AssignedUnit, AssignmentDeadlines, AssignmentMode, AttachmentKind, AttachmentRef, Commitment, ExemptionReason, Satisfaction } from './values';

/** What a deadline event says about the obligation it concerns (see `Obligation`). */
export interface DeadlineEventData {
  key: string;
  kind: ObligationKind;
  unitId?: string;
  commitmentId?: string;
  dueAt: string;
}

/**
 * Everything that can happen to one suggestion (stream `suggestion-<id>`).
 * Past tense; who and when are in the metadata, never in `data`, except where the time is a
 * business fact of its own (a due time). Deadlines are computed when decided and stored, so a
 * later rulebook change never rewrites history.
 */
export type SuggestionEvent =
  | {
      type: 'SuggestionSubmitted';
      data: {
        suggestionId: string;
        title: string;
        content: string;
        leadDeputyId: string;
        coSignerIds: string[];
        /** Present (true) only when the deputies asked to stay unnamed in public; absent reads as false. */
        hideDeputyName?: boolean;
        /** The session (届次/会次) it belongs to; events from before sessions read as the legacy session (upcast). */
        sessionId: string;
        /** A suggestion of a delegation (代表团), made by its deputy on its behalf; rated by the delegation's head. */
        delegationId?: string;
        /** The delegation's head (团长) when it was made: they rate it. */
        delegationHeadId?: string;
        /** The staff member who registered it on the lead deputy's behalf (received on paper, imported). */
        registeredBy?: string;
      };
    }
  /** `number`: 第N号 within the session, consecutive, never reused (absent on events from before numbers). */
  | { type: 'SuggestionAccepted'; data: { assignDueAt: string; number?: number } }
  /** A registered congress-session suggestion is due for assignment on its session's 交办 date (set after 立案). */
  | { type: 'AssignmentScheduled'; data: { assignOn: string; assignDueAt: string } }
  | { type: 'SuggestionRejected'; data: { reason: string } }
  | { type: 'SuggestionAssigned'; data: { mode: AssignmentMode; units: AssignedUnit[] } & AssignmentDeadlines }
  /** An assignment made after an approved return: same shape as SuggestionAssigned. */
  | { type: 'SuggestionReassigned'; data: { mode: AssignmentMode; units: AssignedUnit[] } & AssignmentDeadlines }
  | { type: 'ReturnRequested'; data: { unitId: string; reason: string } }
  /** The assignment ends; staff assign again. */
  | { type: 'ReturnApproved'; data: { unitId: string; reason?: string; assignDueAt: string } }
  | { type: 'ReturnDenied'; data: { unitId: string; reason?: string } }
  /**
   * 转办: `toUnitId` takes `fromUnitId`'s place and role in the current assignment, on a clock of its
   * own that starts at the transfer (the due times below, computed when decided); the old unit's
   * obligations end.
   */
  | { type: 'SuggestionTransferred'; data: { fromUnitId: string; toUnitId: string; reason: string } & AssignmentDeadlines }
  | { type: 'DeputyContacted'; data: { unitId: string; method: string; summary: string } }
  | { type: 'CoHandlerOpinionSubmitted'; data: { unitId: string; content: string } }
  | { type: 'ExtensionRequested'; data: { unitId: string; reason: string; until: string } }
  /**
   * `tellDeputy`: the rulebook in force when granted says the deputy is told (上海 第十九条, 青岛 第二十五条, 河南 第二十条).
   * `lateSince`: the due time that had already passed when the extension was asked for. The new due
   * time is followed up, but the unit's answer of this round counts as late (lateness incurred stays).
   */
  | { type: 'ExtensionGranted'; data: { unitId: string; until: string; reason?: string; tellDeputy?: true; lateSince?: string } }
  | { type: 'ExtensionDenied'; data: { unitId: string; reason?: string } }
  | { type: 'KeySupervisionStarted'; data: { supervisorId: string; leaderName?: string } }
  | { type: 'SuggestionUrged'; data: { note: string } }
  | {
      type: 'SuggestionAnswered';
      data: {
        unitId: string;
        /** 1 for the first answer, 2 after the first re-handling, … */
        round: number;
        category: string;
        content: string;
        signedBy: string;
        commitments: Omit<Commitment, 'fulfilledAt' | 'evidence'>[];
        /** Whether the answer came by the due time in force (answer, extension or re-handling). */
        onTime: boolean;
        /** Set when this answer completes the suggestion's answers: the deputy's feedback window. */
        feedbackDueAt?: string;
        /** The signed letters (答复函), each with its sha256: the audit chain covers the files. Absent = none. */
        letters?: AttachmentRef[];
      };
    }
  | {
      type: 'SuggestionRated';
      data: {
        unitId: string;
        round: number;
        attitude: Satisfaction;
        result: Satisfaction;
        reason?: string;
        /**
         * A dissatisfied rating where staff decide whether it is re-handled (上海 第二十一条, 青岛 第三十一条,
         * 重庆 第二十七条), with a round left: the rating now waits for that decision (StartRehandling),
         * and staff are told. Absent on ratings recorded before it was kept, and where nobody must decide.
         */
        awaitsRehandlingDecision?: true;
      };
    }
  /**
   * Follows a dissatisfied rating in the same append where re-handling is automatic; otherwise it is
   * staff's decision (StartRehandling), with their reason.
   */
  | { type: 'RehandlingStarted'; data: { unitId: string; round: number; dueAt: string; reason?: string } }
  /** A second dissatisfied rating (or worse): staff and supervisors see it flagged (提级督办). */
  | { type: 'SuggestionEscalated'; data: { unitId: string; reason: string } }
  | { type: 'CommitmentFulfilled'; data: { commitmentId: string; unitId: string; evidence: string } }
  /** 重庆 第二十八条: the deputy's rating of how the unit fulfilled its commitments (满意/基本满意/不满意). */
  | { type: 'CommitmentFulfilmentRated'; data: { unitId: string; rating: Satisfaction; reason?: string } }
  | { type: 'SuggestionWithdrawn'; data: { reason: string } }
  /** One signer of a joint suggestion asks to withdraw it, where every signer must (上海 第十条); the last one's request withdraws it. */
  | { type: 'WithdrawalRequested'; data: { deputyId: string; reason: string } }
  | { type: 'SuggestionClosed'; data: Record<string, never> }
  /** Recorded by the scheduler (actor `system`) once per obligation, `remindBefore` ahead of its due time. */
  | { type: 'DeadlineReminderRecorded'; data: DeadlineEventData }
  /** Recorded by the scheduler once, when an obligation is still open after its due time. */
  | { type: 'DeadlineMissed'; data: DeadlineEventData }
  /** The deputy's feedback window passed unrated: that unit's round counts as not rated (left out of satisfaction rates). */
  | { type: 'FeedbackWindowExpired'; data: { unitId: string; round: number } }
  /** 并案: recorded on every member's stream; the api applies group commands to each member. */
  | { type: 'SuggestionGrouped'; data: { groupId: string; primarySuggestionId: string; memberIds: string[] } }
  /** 并案未成: a group whose creation lost a race releases the members it had already taken. */
  | { type: 'SuggestionUngrouped'; data: { groupId: string; reason: string } }
  /** 公开: the suggestion and its answers are readable by the public. */
  | { type: 'AnswerPublished'; data: Record<string, never> }
  /** 不予公开: wins over an earlier publication (withdraws it). */
  | { type: 'DisclosureExempted'; data: { reason: ExemptionReason; note?: string } }
  /** A file joined the suggestion (its bytes are stored under `sha256`). */
  | { type: 'AttachmentAdded'; data: AttachmentRef & { kind: AttachmentKind } }
  /** A letter no answer used within the grace period: its file is removed (by the api). */
  | { type: 'AttachmentDiscarded'; data: { attachmentId: string; sha256: string } }
  /**
   * Due times computed on a provisional calendar year (statutory holidays computed, the State
   * Council's notice not loaded yet), recomputed once the notice for `years` was loaded. Each change
   * names the obligation (its key, or `extension_max[:unitId]` for the extension limit) and its due
   * time before and after; `reason` says why, for the timeline.
   */
  | { type: 'DeadlinesRecomputed'; data: { changes: DeadlineChange[]; reason: string; years: number[] } }
  /**
   * The lead deputy opened the answers of a completed round for the first time (送达). Where the
   * feedback window runs from receipt, each unit's window is counted from now (`feedbackDueAt`, when
   * that ends it earlier than the window counted from the deemed receipt).
   */
  | { type: 'AnswerDelivered'; data: { units: { unitId: string; round: number; feedbackDueAt?: string }[] } };

/** One due time moved by DeadlinesRecomputed. */
export interface DeadlineChange {
  obligation: string;
  from: string;
  to: string;
}

export type SuggestionEventType = SuggestionEvent['type'];

export const SUGGESTION_STREAM_PREFIX = 'suggestion-';
export const suggestionStreamId = (id: string): string => `${SUGGESTION_STREAM_PREFIX}${id}`;
