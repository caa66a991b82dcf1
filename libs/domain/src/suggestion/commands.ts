import type { SessionTerms } from './capabilities/session-assignment/session-assignment.rule';
import { AssignmentMode, AttachmentRef, CommitmentInput, ExemptionReason, Satisfaction } from './values';

/** What people ask of a suggestion. Imperative; the decider answers with events or a DomainError. */
export type SuggestionCommand =
  /** hideDeputyName: the deputies' names are not shown in public (公开时隐去代表姓名). */
  /**
   * sessionId: resolved by the api (named, or the default session of the day). leadDeputyId: only
   * staff/admin, registering on a deputy's behalf. delegationId: the deputy's 代表团, resolved by the api
   * when the deputy submits on its behalf.
   */
  | {
      type: 'SubmitSuggestion';
      data: {
        suggestionId: string;
        title: string;
        content: string;
        coSignerIds: string[];
        hideDeputyName?: boolean;
        /** Absent: the legacy session (the api always names one; older callers and fixtures do not). */
        sessionId?: string;
        leadDeputyId?: string;
        delegationId?: string;
        delegationHeadId?: string;
      };
    }
  /**
   * number: claimed by the api from the session's numbering before the command runs (see numbering).
   * session: the terms of the suggestion's session that set when the assignment is due (absent: recess).
   */
  | { type: 'AcceptSuggestion'; data: { number?: number; session?: SessionTerms } }
  /** The 交办 date of the suggestion's congress session was set: staff (or the api for them) re-date a registered suggestion. */
  | { type: 'ScheduleAssignment'; data: { assignOn: string } }
  | { type: 'RejectSuggestion'; data: { reason: string } }
  /** lead mode: unitIds holds the lead and the co-handlers, leadUnitId names the lead. */
  | { type: 'AssignSuggestion'; data: { mode: AssignmentMode; unitIds: string[]; leadUnitId?: string } }
  | { type: 'RequestReturn'; data: { reason: string } }
  | { type: 'DecideReturn'; data: { approve: boolean; reason?: string } }
  /** 转办 (staff): one unit of the current assignment hands its part to another unit. */
  | { type: 'TransferSuggestion'; data: { fromUnitId: string; toUnitId: string; reason: string } }
  | { type: 'ContactDeputy'; data: { method: string; summary: string } }
  | { type: 'SubmitCoHandlerOpinion'; data: { content: string } }
  | { type: 'RequestExtension'; data: { reason: string; until: string } }
  | { type: 'DecideExtension'; data: { approve: boolean; reason?: string } }
  | { type: 'StartKeySupervision'; data: { supervisorId: string; leaderName?: string } }
  | { type: 'UrgeSuggestion'; data: { note: string } }
  | {
      type: 'AnswerSuggestion';
      /** attachmentIds: letters this unit uploaded to the suggestion; groupLetters: see capabilities/attachments/attachments.rule.ts. */
      data: { category: string; content: string; signedBy: string; commitments: CommitmentInput[]; attachmentIds?: string[]; groupLetters?: AttachmentRef[] };
    }
  /** unitId is required in separate mode, where each unit is rated on its own. */
  | { type: 'RateSuggestion'; data: { attitude: Satisfaction; result: Satisfaction; reason?: string; unitId?: string } }
  | { type: 'FulfilCommitment'; data: { commitmentId: string; evidence: string } }
  /**
   * 重新办理 decided by staff, where the rulebook does not start it on a dissatisfied rating: after one
   * (上海 第二十一条, 重庆 第二十七条, 青岛 第三十一条) or on the standing committee's finding (北京 第二十七条).
   * unitId is required in separate mode.
   */
  | { type: 'StartRehandling'; data: { reason: string; unitId?: string } }
  /** 重庆 第二十八条: the lead deputy rates how a unit fulfilled its commitments. unitId is required in separate mode. */
  | { type: 'RateCommitmentFulfilment'; data: { rating: Satisfaction; reason?: string; unitId?: string } }
  | { type: 'WithdrawSuggestion'; data: { reason: string } }
  | { type: 'CloseSuggestion'; data: Record<string, never> }
  /**
   * Scheduler only (actor role `system`): records the reminders and misses due at `ctx.now`.
   * Returns [] when nothing is due; running it twice at the same time records nothing the second time.
   */
  | { type: 'RecordDeadlines'; data: Record<string, never> }
  /** 并案 (staff): memberIds lists every suggestion of the group, this one and the primary included. */
  | { type: 'GroupSuggestion'; data: { groupId: string; primarySuggestionId: string; memberIds: string[] } }
  /** Releases this suggestion from a group that could not be completed (the api's compensation, staff). */
  | { type: 'UngroupSuggestion'; data: { groupId: string; reason: string } }
  /** 公开 (staff): once at least one answer exists, unless exempt. */
  | { type: 'PublishAnswer'; data: Record<string, never> }
  /** 不予公开 (staff): also withdraws an earlier publication. */
  | { type: 'ExemptFromDisclosure'; data: { reason: ExemptionReason; note?: string } }
  /** A file already stored (the api checked its type and stored it by hash) joins the suggestion. */
  | { type: 'AddAttachment'; data: AttachmentRef }
  /** Scheduler only (actor `system`): a letter never used by an answer within the grace period. */
  | { type: 'DiscardAttachment'; data: { attachmentId: string; uploadedBefore: string } }
  /**
   * System or admin: the official notice for `years` was loaded; every open due time computed on
   * those years' provisional holidays is computed again. Returns [] when none moves.
   */
  | { type: 'RecomputeDeadlines'; data: { years: number[]; reason: string } }
  /** The lead deputy has opened the answers (送达): sent by the web when they view them. Idempotent. */
  | { type: 'AcknowledgeAnswer'; data: Record<string, never> };

export type SuggestionCommandType = SuggestionCommand['type'];
