// Shapes of the public HTTP API. Domain value types are imported (type-only) from the domain
// library so a contract change there shows up here as a type error; response envelopes that only
// the api defines are written out below.
import type { Role } from '@duban/domain/shared/actor';
import type { ExistingSuggestion } from '@duban/domain/suggestion/state';
import type { SuggestionStatus } from '@duban/domain/suggestion/values';
import type { AnswerCategory } from '@duban/domain/rulebook/rulebook';

export type { Role } from '@duban/domain/shared/actor';
export type { Actor } from '@duban/domain/shared/actor';
export type {
  Answer,
  Assignment,
  Rating,
  RequestDecision,
  UnitHandling,
  PendingRequest,
  ExistingSuggestion,
} from '@duban/domain/suggestion/state';
export type {
  AssignmentMode,
  Commitment,
  CommitmentInput,
  Disclosure,
  ExemptionReason,
  Satisfaction,
  SuggestionStatus,
  UnitRole,
} from '@duban/domain/suggestion/values';
export type { AnswerCategory } from '@duban/domain/rulebook/rulebook';

export interface User {
  id: string;
  username: string;
  role: Role;
  unitId?: string;
  displayName?: string;
}

export interface LoginResponse {
  accessToken: string;
  user: User;
}

export interface CommandResult {
  id: string;
  revision: number;
  /** Global position of the last appended event; pass it as `after` to read your own write. */
  position?: string | number;
}

export interface SuggestionListItem {
  id: string;
  title: string;
  status: SuggestionStatus;
  deputyId: string;
  unitIds: string[];
  dueAt: string | null;
  overdue: boolean;
  keySupervised: boolean;
  revision: number;
  submittedAt?: string;
  updatedAt?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export type SuggestionDetail = ExistingSuggestion & { revision: number };

export interface TimelineEntry {
  revision: number;
  type: string;
  occurredAt: string;
  actor: { userId: string; role: string; unitId?: string };
  data: Record<string, unknown>;
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

export interface RulebookView {
  id: string;
  name: string;
  answerCategories: AnswerCategory[];
}

export interface ListFilter {
  status?: SuggestionStatus;
  unitId?: string;
  deputyId?: string;
  overdue?: boolean;
  keySupervised?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}
