import type { Actor, ExistingSuggestion, Role, SuggestionStatus } from '@duban/domain';

/** Who is asking: list and detail queries are scoped to what this person may see. */
export type Viewer = Actor;

export interface SuggestionListFilter {
  status?: SuggestionStatus;
  unitId?: string;
  deputyId?: string;
  overdue?: boolean;
  keySupervised?: boolean;
  /** Matched against title and content. */
  q?: string;
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
  keySupervised: boolean;
  revision: number;
  submittedAt: string;
  updatedAt: string;
}

export interface SuggestionList {
  items: SuggestionListItem[];
  total: number;
}

/** The full current state, as evolve() folds it, with the stream revision. */
export type SuggestionDetail = ExistingSuggestion & { revision: number };

export interface TimelineEntry {
  revision: number;
  type: string;
  occurredAt: string;
  actor: Actor;
  data: unknown;
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
}
