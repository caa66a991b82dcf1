import type { Actor, DueLevel, ExistingSuggestion, Role, SuggestionDetailView, SuggestionStatus } from '@duban/domain';

/** Who is asking: list and detail queries are scoped to what this person may see. */
export type Viewer = Actor;

export const SUGGESTION_LIST_SORTS = ['dueAt', 'submittedAt', 'updatedAt', 'title', 'status'] as const;
export type SuggestionListSort = (typeof SUGGESTION_LIST_SORTS)[number];

export interface SuggestionListFilter {
  status?: SuggestionStatus;
  unitId?: string;
  deputyId?: string;
  overdue?: boolean;
  keySupervised?: boolean;
  /** Matched against title and content, and the number (第12号, 12, 0012). */
  q?: string;
  /** Any of these statuses (a tab such as 办理中 covers several); with `status`, both apply. */
  statuses?: SuggestionStatus[];
  /** An answer of the current assignment has this answer category code (A, B, …). */
  category?: string;
  /** A unit's return or extension request waits for staff's decision (待审批). */
  pendingRequest?: boolean;
  /** Submitted at or after this instant (UTC ISO). */
  submittedFrom?: string;
  /** Submitted before this instant (UTC ISO): a date's range ends at the next day's 00:00 Beijing. */
  submittedTo?: string;
  /** The list's order; by default by due time (nothing due last), newest first. */
  sort?: SuggestionListSort;
  order?: 'asc' | 'desc';
  sessionId?: string;
  /** Submitted in this calendar year (Asia/Shanghai). */
  year?: number;
  delegationId?: string;
  /** From 1. */
  page: number;
  pageSize: number;
}

export interface SuggestionListItem {
  id: string;
  title: string;
  status: SuggestionStatus;
  deputyId: string;
  unitIds: string[];
  /** The next due time that matters for the status (assign, answer, re-handling, feedback), or null. */
  dueAt: string | null;
  overdue: boolean;
  /** How urgent `dueAt` is now, on the service's working calendar and `rulebook.remindBefore`; null when nothing is due. */
  dueLevel: DueLevel | null;
  /** Whether `dueAt` is provisional: its day lies in a year whose official holiday notice is not loaded yet. */
  provisional: boolean;
  keySupervised: boolean;
  revision: number;
  submittedAt: string;
  updatedAt: string;
  sessionId: string;
  /** 第N号 within the session, once registered (立案). */
  number?: number;
  /** A delegation's (代表团) own suggestion. */
  delegationId?: string;
}

export interface SuggestionList {
  items: SuggestionListItem[];
  total: number;
}

/** The folded state as the read model stores it, with the stream revision: for the api's own use, never an HTTP body. */
export type StoredSuggestion = ExistingSuggestion & { revision: number };

/** `GET /api/suggestions/:id`: the view for its caller (no storage encodings; allowedActions and due). */
export type SuggestionDetail = SuggestionDetailView;

export interface TimelineEntry {
  revision: number;
  type: string;
  occurredAt: string;
  actor: Actor;
  data: unknown;
}

/** A session (届次/会次) as listed: `GET /api/sessions`. Dates are local (YYYY-MM-DD). */
export interface SessionRow {
  id: string;
  name: string;
  kind: 'congress' | 'recess';
  startsOn: string;
  endsOn?: string;
  closed: boolean;
  /** The 交办 date of a congress session, once set. */
  assignOn?: string;
}

/** A delegation (代表团): `GET /api/delegations`. */
export interface DelegationRow {
  id: string;
  name: string;
  headDeputyId?: string;
}

export interface UnitRow {
  id: string;
  name: string;
}

export interface UserRow {
  id: string;
  displayName: string;
  role: Role;
  unitId?: string;
  /** A deputy's delegation (代表团). */
  delegationId?: string;
}

/** A row of the users list: deactivated accounts are listed too, marked. */
export interface UserListRow extends UserRow {
  active: boolean;
  /** A deputy's phone number: the api leaves it out for anyone but staff and admins. */
  phone?: string;
}
