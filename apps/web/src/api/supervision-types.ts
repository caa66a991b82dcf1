// Shapes of the supervision, inbox, public and archive endpoints (the read models' own types, as the api sends them).
// As in ./types.ts: library types imported type-only; written out only what apps/api adds itself.
import type { EXEMPTION_REASONS as DOMAIN_EXEMPTION_REASONS } from '@duban/domain';
import type { DelegationStats, Overview as OverviewFigures, UnitStats } from '@duban/read-models/supervision/supervision.types';

export type {
  CommitmentItem,
  CommitmentLedger,
  CommitmentStatus,
  DelegationStats,
  DeputyArchive,
  DeputyCommitmentReport,
  KeySuggestionItem,
  KeySupervisionReport,
  Rate,
  StatsFigures,
  UnitStats,
} from '@duban/read-models/supervision/supervision.types';
export type { Inbox, InboxItem } from '@duban/read-models/inbox/inbox.types';
export type { PublishedSuggestion, PublishedSuggestionList } from '@duban/read-models/disclosure/published.types';

/** The period a supervision answer counts (apps/api's SupervisionPeriod): null when not asked for. */
export interface SupervisionPeriodEcho {
  sessionId: string | null;
  year: number | null;
  from: string | null;
  to: string | null;
}

/** An answer category the figures' `byCategory` counts, with the rulebook's label (apps/api's CategoryLegendEntry). */
export interface AnswerCategoryLegend {
  code: string;
  label: string;
}

/** `GET /api/stats/overview`: the period, the read model's overview and the instant it was computed at. */
export type Overview = SupervisionPeriodEcho & OverviewFigures & { generatedAt: string; answerCategories: AnswerCategoryLegend[] };

/** `GET /api/stats/units` (apps/api's UnitStatsReport). */
export interface UnitStatsReport extends SupervisionPeriodEcho {
  generatedAt: string;
  answerCategories: AnswerCategoryLegend[];
  units: UnitStats[];
}

/** `GET /api/stats/delegations` (apps/api's DelegationStatsReport). */
export interface DelegationStatsReport extends SupervisionPeriodEcho {
  generatedAt: string;
  delegations: DelegationStats[];
}

/** A message of `/api/events/stream` (apps/api's LiveChange). */
export interface LiveEvent {
  type: string;
  /** Absent for changes of the person's own inbox (read marks). */
  suggestionId?: string;
  revision: number;
  position: string;
}

// A runtime copy of the domain's list (the bundle must not pull in domain code); `satisfies`
// makes the type check fail when the two lists differ.
export const EXEMPTION_REASONS = [
  'state_secret',
  'commercial_secret',
  'privacy',
  'deputy_request',
] as const satisfies typeof DOMAIN_EXEMPTION_REASONS;
export type { ExemptionReason } from '@duban/domain';
