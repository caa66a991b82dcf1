// Shapes of the public HTTP API. Wherever the api answers with a library type, that type is
// imported here (type-only: erased from the bundle) so a change in the api's responses breaks the
// web's type check instead of drifting silently. Only envelopes the api itself defines (in
// apps/api, which the web does not import) are written out below.
//
// Read-model types come from their own `*.types.ts` files, never from '@duban/read-models' (its
// index also exports the projector and SQLite code, whose Node typings would leak into the web's).
import type { Role, Rulebook } from '@duban/domain';
import type { SuggestionListFilter } from '@duban/read-models/read-model.types';

export type {
  Actor,
  AnswerCategory,
  Answer,
  Assignment,
  AssignmentMode,
  Commitment,
  CommitmentInput,
  Disclosure,
  DueLevel,
  DueView,
  ExemptionReason,
  ExistingSuggestion,
  PendingRequest,
  Rating,
  RequestDecision,
  Role,
  Satisfaction,
  SuggestionStatus,
  UnitHandling,
  UnitRole,
} from '@duban/domain';
export type {
  SuggestionDetail,
  SuggestionList,
  SuggestionListItem,
  TimelineEntry,
  UnitRow,
  UserListRow,
  UserRow,
} from '@duban/read-models/read-model.types';

/** `POST /api/auth/login` and `GET /api/auth/me` (apps/api's AuthUser). */
export interface User {
  id: string;
  username: string;
  role: Role;
  unitId?: string;
  displayName?: string;
  /** The production bootstrap admin: nothing but a password change until it is done. */
  mustChangePassword?: true;
}

export interface LoginResponse {
  accessToken: string;
  user: User;
}

/** Every command's answer (apps/api's CommandOutcome). */
export interface CommandResult {
  id: string;
  revision: number;
  /** Global position of the last appended event; pass it as `after` to read your own write. */
  position: string;
}

/** `GET /api/rulebook`: the part of the rulebook in force that the pages use. */
export type RulebookView = Pick<Rulebook, 'id' | 'name' | 'answerCategories'>;

/** `GET /api/suggestions` query: the api pages by default, so page and size are optional here. */
export type ListFilter = Partial<Omit<SuggestionListFilter, 'statuses'>>;
