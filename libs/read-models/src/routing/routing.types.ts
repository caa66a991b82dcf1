import type { SuggestionStatus, UnitRole } from '@duban/domain';

/**
 * What one past suggestion says about one unit: it was handed the suggestion (in a role), or it
 * handed it back (an approved 退回) or on (转办). `category` is the unit's latest answer category.
 */
export interface RoutingEvidence {
  unitId: string;
  role: UnitRole;
  outcome: RoutingOutcome;
  category?: string;
}

export type RoutingOutcome = 'assigned' | 'returned' | 'transferred';

/** One ranked unit, best first (GET /api/suggestions/:id/routing). */
export interface UnitSuggestion {
  unitId: string;
  unitName: string;
  /** 0–1: the similarity-weighted share of the nearest past suggestions that speak for this unit. */
  score: number;
  /** Chinese, naming the past suggestions behind the score (staff may read every one). */
  reason: string;
}

/** One similar suggestion (GET /api/suggestions/:id/similar), best first. */
export interface SimilarSuggestion {
  id: string;
  number?: number;
  title: string;
  /** Cosine similarity of the texts, 0–1. */
  score: number;
  status: SuggestionStatus;
  /** The answering unit's latest answer category (A–D …), once answered. */
  answerCategory?: string;
  /** Units it is or was assigned to (as the caller may see them on the suggestion itself). */
  unitNames: string[];
}
