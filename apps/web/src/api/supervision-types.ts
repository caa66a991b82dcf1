// Shapes of the supervision endpoints (docs/api-supervision.md, issue 4).

export interface Rate {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface StatsFigures {
  assigned: number;
  answered: number;
  answeredOnTime: Rate;
  overdueNow: number;
  contactRate: Rate;
  satisfactionRate: Rate;
  dissatisfied: number;
  categories: { A: Rate; B: Rate; C: Rate; D: Rate };
  commitments: { made: number; fulfilled: number; overdue: number; fulfilmentRate: Rate };
  rehandlings: number;
}

export interface UnitStats extends StatsFigures {
  unitId: string;
  unitName: string;
}

export interface UnitStatsReport {
  from?: string;
  to?: string;
  generatedAt: string;
  units: UnitStats[];
}

export interface Overview {
  generatedAt: string;
  byStatus: Record<string, number>;
  totals: StatsFigures;
}

export interface KeySuggestion {
  id: string;
  title: string;
  status: string;
  supervisorId?: string | null;
  supervisorName?: string | null;
  leaderName?: string | null;
  unitIds: string[];
  dueAt: string | null;
  overdue: boolean;
  urgeCount: number;
  /** 提级督办: a second dissatisfied rating or a missed re-handling. */
  escalated?: boolean;
}

export interface KeySupervisionReport {
  items: KeySuggestion[];
  coverage: { both: Rate; supervisor: Rate; leader: Rate };
}

export interface CommitmentRow {
  suggestionId: string;
  title: string;
  commitmentId: string;
  unitId: string;
  description: string;
  dueAt: string;
  fulfilledAt?: string | null;
  status: 'open' | 'overdue' | 'fulfilled';
}

export interface InboxItem {
  id: string;
  suggestionId: string;
  kind: string;
  message: string;
  createdAt: string;
  read: boolean;
}

export interface Inbox {
  items: InboxItem[];
  unread: number;
}

export interface LiveEvent {
  type: string;
  suggestionId: string;
  revision: number;
  position: string | number;
}

import type { ExemptionReason, SuggestionListItem } from './types';

// A runtime copy of the domain's list: the bundle must not pull in domain code.
export const EXEMPTION_REASONS: readonly ExemptionReason[] = ['state_secret', 'commercial_secret', 'privacy', 'deputy_request'];
export type { ExemptionReason };

/** A published suggestion as the public reads it (no ratings, commitments or hidden deputies). */
export interface PublicSuggestion {
  id: string;
  title: string;
  content: string;
  status: string;
  /** null when the deputies asked to stay unnamed. */
  deputyNames: string[] | null;
  unitNames: string[];
  answers: { unitId: string; unitName: string; round: number; category: string; content: string; signedBy: string; answeredAt: string }[];
  publishedAt: string;
}

/** 履职档案 (`GET /api/deputies/:id/archive`): what the deputy led or co-signed and what came of it. */
export interface DeputyArchive {
  deputy: { id: string; displayName: string } | null;
  suggestions: SuggestionListItem[];
  outcomes: {
    submitted: number;
    led: number;
    coSigned: number;
    answered: number;
    /** Ratings given (each round of each answering unit). */
    rated: number;
    satisfied: number;
    dissatisfied: number;
    byCategory: Record<string, number>;
  };
}

export interface DeputyCommitmentItem {
  suggestionId: string;
  title: string;
  commitmentId: string;
  unitId: string;
  unitName: string;
  description: string;
  dueAt: string;
  madeAt: string;
  fulfilledAt: string | null;
  evidence: string | null;
  status: 'open' | 'overdue' | 'fulfilled';
}

/** `GET /api/deputies/:id/commitments?year=`: commitments on the suggestions the deputy submitted that year. */
export interface DeputyCommitmentReport {
  deputyId: string;
  year: number;
  counts: { made: number; fulfilled: number; open: number; overdue: number };
  fulfilmentRate: Rate;
  items: DeputyCommitmentItem[];
}
