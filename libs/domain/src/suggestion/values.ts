/** Value types shared by the suggestion's commands, events and state. Instants are ISO-8601 UTC strings. */

export const ASSIGNMENT_MODES = ['sole', 'lead', 'separate'] as const;
/** 单独办理 / 主办+协办 / 分别办理 */
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

/** A unit's part in an assignment: sole handler, lead (主办), co-handler (协办) or separate handler (分办). */
export type UnitRole = 'sole' | 'lead' | 'co' | 'separate';

export const SATISFACTION_LEVELS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
/** 满意 / 基本满意 / 不满意 */
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

export const SUGGESTION_STATUSES = [
  'submitted',
  'accepted',
  'rejected',
  'assigned',
  'answered',
  'rehandling',
  'rated',
  'closed',
  'withdrawn',
] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export interface AssignedUnit {
  unitId: string;
  role: UnitRole;
}

/** The due times an assignment sets, computed from the rulebook when it is made and kept in the event. */
export interface AssignmentDeadlines {
  answerDueAt: string;
  /** The latest an extension may reach (rulebook maximum). */
  extensionMaxAt: string;
  returnDueAt: string;
  contactDueAt: string;
  /** Only in lead mode: when co-handlers' opinions are due. */
  coOpinionDueAt?: string;
}

export interface CommitmentInput {
  description: string;
  /** ISO instant or `YYYY-MM-DD` (then 24:00 Asia/Shanghai of that day). */
  dueAt: string;
}

export interface Commitment {
  /** `C1`, `C2`, … in the order they were made within the suggestion. */
  commitmentId: string;
  unitId: string;
  description: string;
  dueAt: string;
  madeAt: string;
  fulfilledAt?: string;
  evidence?: string;
}

/** Why a suggestion is not published (不予公开): 国家秘密, 商业秘密, 个人隐私, 代表要求保密. */
export const EXEMPTION_REASONS = ['state_secret', 'commercial_secret', 'privacy', 'deputy_request'] as const;
export type ExemptionReason = (typeof EXEMPTION_REASONS)[number];

/** Whether the public may read the suggestion and its answers (公开). `at`: when published or exempted. */
export type Disclosure =
  | { status: 'unpublished' }
  | { status: 'published'; at: string }
  | { status: 'exempt'; reason: ExemptionReason; note?: string; at: string };

/** A stored file as the record knows it: its content hash binds the event to the bytes. */
export interface AttachmentRef {
  /** `<suggestionId>_<random>`: the suggestion it belongs to, readable from the id alone. */
  attachmentId: string;
  sha256: string;
  /** The file name as uploaded (Chinese kept). */
  name: string;
  size: number;
  /** Recognised from the bytes: application/pdf, image/jpeg, image/png or the DOCX type. */
  contentType: string;
}

/**
 * `material`: photos and documents of the deputy or the office, part of the suggestion once added.
 * `letter`: a unit's answer letter (答复函), pending until an answer carries it; a pending letter
 * never used is discarded after a grace period.
 */
export type AttachmentKind = 'material' | 'letter';

export interface SuggestionAttachment extends AttachmentRef {
  kind: AttachmentKind;
  addedAt: string;
  addedBy: string;
  /** Letters: the uploading unit (only it may answer with the letter). */
  unitId?: string;
  /** Letters: the answer round that carries it, once answered. */
  answeredRound?: number;
  discardedAt?: string;
}
