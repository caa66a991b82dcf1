import type { SuggestionStatus } from '@duban/domain';
import type { SuggestionListItem, UserRow } from '../read-model.types';

/** Every rate comes with what it is made of; value is null when there is nothing to divide by. */
export interface Rate {
  numerator: number;
  denominator: number;
  value: number | null;
}

/**
 * The figures of one unit, or of all units added up. Counted per assignment of a unit to a
 * suggestion ("handling"); the period filter is on the assignment time.
 */
export interface StatsFigures {
  /** Suggestions assigned to the unit in any role (sole, lead, co, separate). */
  assigned: number;
  /** Answering units (sole, lead, separate) that gave a first answer. */
  answered: number;
  /** First answers given by the due time in force / answered. */
  answeredOnTime: Rate;
  /** Answers and re-handling answers still owed and past due at `now`. */
  overdueNow: number;
  /** Answered units that contacted the deputy before their first answer / answered. */
  contactRate: Rate;
  /** Ratings whose result is satisfied or basically satisfied / ratings (not rated is neither). */
  satisfactionRate: Rate;
  /** Ratings whose result is dissatisfied. */
  dissatisfied: number;
  /** Category of each answered unit's latest answer / answered: the national A–D, kept for older readers. */
  categories: { A: Rate; B: Rate; C: Rate; D: Rate };
  /**
   * The same per code of the scheme in force (河南: A–E), every code present, in the scheme's order;
   * a code of an earlier scheme with answers counted follows them.
   */
  byCategory: Record<string, Rate>;
  /** Commitments made in answers; overdue = unfulfilled and due before `now`. */
  commitments: { made: number; fulfilled: number; overdue: number; fulfilmentRate: Rate };
  /** Re-handlings started after dissatisfied ratings. */
  rehandlings: number;
}

export interface UnitStats extends StatsFigures {
  unitId: string;
  unitName: string;
}

/**
 * What the supervision figures count: the suggestions of one session (and their assignments), or a
 * span of time (either end open; a year is one too). A span counts suggestions by when they were
 * submitted and unit figures by when the assignment was made. Nothing given: everything.
 */
export interface StatsScope {
  /** Only this session's suggestions and their assignments; not combined with from/to. */
  sessionId?: string;
  /** ISO instant, inclusive: assignments (suggestions) at or after it. */
  from?: string;
  /** ISO instant, exclusive: assignments before it (24:00 of a last day is the next day's 00:00). */
  to?: string;
}

export interface UnitStatsQuery extends StatsScope {
  now: string;
}

export interface Overview {
  /** Suggestions (件) of the scope per status, every status present. */
  byStatus: Record<SuggestionStatus, number>;
  /** Suggestions (件) of the scope: the sum of byStatus. */
  suggestions: number;
  /**
   * Suggestions (件) with at least one counted unit assignment in the scope: the number of distinct
   * suggestions behind `totals.assigned`, which counts unit assignments (单位次).
   */
  assignedSuggestions: number;
  /** Every unit's figures added up (单位次): a suggestion assigned to two units counts for both. */
  totals: StatsFigures;
}

/** One delegation's (代表团) suggestions in a scope; the row without a delegation has null id and name. */
export interface DelegationStats {
  delegationId: string | null;
  delegationName: string | null;
  /** Suggestions (件): the delegation's own and those its deputies led. */
  suggestions: number;
  /** Of those, made by the delegation itself (件). */
  byDelegation: number;
  /** Suggestions with a counted unit assignment / suggestions (件). */
  assigned: Rate;
  /** Suggestions with at least one first answer / suggestions (件). */
  answered: Rate;
  /** Suggestions with an answer owed and past due at `now` (件). */
  overdueNow: number;
  /** Ratings satisfied or basically satisfied / ratings (次). */
  satisfactionRate: Rate;
}

export interface KeySuggestionItem {
  id: string;
  title: string;
  status: SuggestionStatus;
  supervisorId: string | null;
  supervisorName: string | null;
  leaderName: string | null;
  unitIds: string[];
  dueAt: string | null;
  overdue: boolean;
  urgeCount: number;
  /** 提级督办: a second dissatisfied rating or a missed re-handling. */
  escalated: boolean;
  startedAt: string;
}

export interface KeySupervisionPage {
  /** From 1. */
  page: number;
  pageSize: number;
}

export interface KeySupervisionReport {
  items: KeySuggestionItem[];
  /** Key suggestions in all (the items are one page of them when a page was asked for). */
  total: number;
  /** 两个全覆盖: key suggestions with a supervisor, with a leading official, with both. */
  coverage: { both: Rate; supervisor: Rate; leader: Rate };
}

export type CommitmentStatus = 'open' | 'overdue' | 'fulfilled';

export interface CommitmentItem {
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
  /** At `now`: fulfilled; overdue (unfulfilled, due before now); open (unfulfilled, not yet due). */
  status: CommitmentStatus;
}

export interface CommitmentQuery extends StatsScope {
  /** `open` = every unfulfilled one, overdue included; `overdue`; `fulfilled`. */
  status?: CommitmentStatus;
  unitId?: string;
  now: string;
  /** Without a page, every matching commitment. */
  page?: number;
  pageSize?: number;
}

export interface CommitmentLedger {
  items: CommitmentItem[];
  total: number;
}

export interface CommitmentCounts {
  made: number;
  fulfilled: number;
  /** Unfulfilled, overdue ones included. */
  open: number;
  overdue: number;
}

/** The yearly follow-up of the commitments made on a deputy's suggestions submitted that year. */
export interface DeputyCommitmentReport {
  deputyId: string;
  year: number;
  counts: CommitmentCounts;
  fulfilmentRate: Rate;
  items: CommitmentItem[];
}

export interface DeputyOutcomes {
  /** Suggestions the deputy led or co-signed. */
  submitted: number;
  led: number;
  coSigned: number;
  /** Of those, suggestions with at least one answer. */
  answered: number;
  /** Ratings given on them (each round of each answering unit), not rated left out. */
  rated: number;
  /** Ratings whose result is satisfied or basically satisfied. */
  satisfied: number;
  dissatisfied: number;
  /** Latest answer of each answering unit, by category code (A–D always present, and each code of the scheme in force). */
  byCategory: Record<string, number>;
}

/** 履职档案 */
export interface DeputyArchive {
  deputy: UserRow | null;
  suggestions: SuggestionListItem[];
  outcomes: DeputyOutcomes;
}
