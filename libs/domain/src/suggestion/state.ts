import { Actor } from '../shared/actor';
import type { DeadlineLogEntry } from './deadlines/deadline-log';
import { AssignmentDeadlines, AssignmentMode, AttachmentRef, Commitment, Disclosure, Satisfaction, SuggestionAttachment, UnitRole } from './values';

/** An event as evolve() sees it: the event plus when and by whom (from its metadata). */
export type Stamped<E> = E & { at: string; by: Actor };

export interface Answer {
  round: number;
  category: string;
  content: string;
  signedBy: string;
  answeredAt: string;
  onTime: boolean;
  commitmentIds: string[];
  /** The signed letters the answer carries (absent: none). */
  letters?: AttachmentRef[];
}

export interface Rating {
  round: number;
  attitude: Satisfaction;
  result: Satisfaction;
  reason?: string;
  ratedAt: string;
  ratedBy: string;
}

/**
 * One unit's part of an assignment. Units that answer (sole, lead, separate) move through
 * handling → answered → rated | rehandling → answered … | not_rated (the deputy's feedback window
 * passed without a rating); co-handlers only send an opinion.
 */
export interface UnitHandling {
  unitId: string;
  role: UnitRole;
  stage: 'handling' | 'answered' | 'rehandling' | 'rated' | 'not_rated';
  /** Answer round in progress or last answered: 1, then 2 after the first re-handling, … */
  round: number;
  /** The answer due time in force: the assignment's, an extension's, or the re-handling's. */
  dueAt: string;
  contactedAt?: string;
  /**
   * A unit that came by transfer (转办) has its own clock, from the day it was handed the suggestion
   * (自交办之日起); the others follow the assignment's. Read through `deadlinesOf`.
   */
  deadlines?: AssignmentDeadlines;
  /**
   * The deputy's feedback window for this unit's latest answer, once it is open (when every answering
   * unit has answered the round). It never moves once open; a re-handling clears it.
   */
  feedbackDueAt?: string;
  coOpinion?: { content: string; submittedAt: string };
  /**
   * The due time this round had already missed when an extension was asked for (and granted): the
   * extension moves the due time, not the lateness, so this round's answer counts as late.
   */
  lateSince?: string;
  /** When the lead deputy first opened this round's answer (AnswerDelivered), once its feedback window is open. */
  deliveredAt?: string;
  answers: Answer[];
  ratings: Rating[];
  /** 重庆 第二十八条: the deputy's rating of this unit's commitment fulfilment, once given. */
  commitmentRating?: { rating: Satisfaction; reason?: string; ratedAt: string };
  dissatisfiedCount: number;
}

export interface PendingRequest {
  unitId: string;
  reason: string;
  requestedAt: string;
  /** Extensions only: the asked-for due time. */
  until?: string;
}

export interface Assignment {
  mode: AssignmentMode;
  assignedAt: string;
  deadlines: AssignmentDeadlines;
  units: UnitHandling[];
  pendingReturn?: PendingRequest;
  pendingExtension?: PendingRequest;
  /** The latest feedback window opened (each unit keeps its own in UnitHandling.feedbackDueAt). */
  feedbackDueAt?: string;
  /** Units that handed their part to another unit (转办), oldest first; they keep reading the suggestion. */
  transfers?: UnitTransfer[];
}

/** 转办: a unit's part as it was when it was handed to `toUnitId`. */
export interface UnitTransfer {
  unit: UnitHandling;
  toUnitId: string;
  reason: string;
  transferredAt: string;
}

export interface RequestDecision {
  unitId: string;
  kind: 'return' | 'extension';
  reason: string;
  until?: string;
  requestedAt: string;
  approved: boolean;
  decidedAt: string;
  decisionReason?: string;
}

/** What every suggestion has once submitted, whatever its status. */
export interface SuggestionCore {
  id: string;
  title: string;
  content: string;
  leadDeputyId: string;
  coSignerIds: string[];
  submittedAt: string;
  acceptedAt?: string;
  keySupervision?: { supervisorId: string; leaderName?: string; startedAt: string };
  urges: { note: string; urgedAt: string; urgedBy: string }[];
  commitments: Commitment[];
  /** Decided return and extension requests, oldest first. */
  decisions: RequestDecision[];
  escalated: boolean;
  /** Assignments ended by an approved return, oldest first. */
  previousAssignments: Assignment[];
  /** The deputies asked that their names not be shown in public. */
  hideDeputyName: boolean;
  disclosure: Disclosure;
  /** The session (届次/会次) it was made in. */
  sessionId: string;
  /** 第N号 within its session, from 立案 on. */
  number?: number;
  /** Made by a delegation (代表团): its head rates it. */
  delegationId?: string;
  /** The delegation's head (团长), who rates a delegation's suggestion instead of the lead deputy. */
  delegationHeadId?: string;
  /** The staff member who registered it on the lead deputy's behalf. */
  registeredBy?: string;
  /** 并案: the group this suggestion belongs to. */
  groupId?: string;
  group?: { primarySuggestionId: string; memberIds: string[]; groupedAt: string };
  /**
   * Every obligation ever set, in the order they were set, with how it ended and the reminders and
   * misses recorded for it. Kept by evolve from the state itself (see track-obligations.ts), in a
   * compact form (deadline-log.ts); `obligationLog(state)` reads it back as DeadlineRecords.
   */
  deadlineLog: DeadlineLogEntry[];
  /** Signers of a joint suggestion who asked to withdraw it, where all must agree (上海 第十条), oldest first. */
  withdrawalRequests?: { deputyId: string; reason: string; requestedAt: string }[];
  /** Files added to the suggestion, oldest first (absent: none; states saved before files existed). */
  attachments?: SuggestionAttachment[];
}

export type SuggestionState =
  | { status: 'none' }
  | (SuggestionCore & { status: 'submitted' })
  | (SuggestionCore & { status: 'accepted'; assignDueAt: string })
  | (SuggestionCore & { status: 'rejected'; rejectedReason: string; rejectedAt: string })
  | (SuggestionCore & { status: 'assigned' | 'answered' | 'rehandling' | 'rated' | 'closed'; assignment: Assignment })
  | (SuggestionCore & { status: 'withdrawn'; withdrawnReason: string; withdrawnAt: string; assignment?: Assignment });

export type ExistingSuggestion = Exclude<SuggestionState, { status: 'none' }>;
