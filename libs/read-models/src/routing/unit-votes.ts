import type { RoutingEvidence } from './routing.types';

/**
 * How much one past suggestion's evidence counts for (positive) or against (negative) a unit.
 * A co-handler (协办) was chosen for a part only; a return (退回) is the unit saying "not ours",
 * a transfer (转办) nearly the same.
 */
export function evidenceWeight(evidence: RoutingEvidence): number {
  switch (evidence.outcome) {
    case 'returned':
      return -1;
    case 'transferred':
      return -0.8;
    case 'assigned':
      return evidence.role === 'co' ? 0.4 : 1;
  }
}

export interface VotingNeighbour {
  id: string;
  score: number;
  evidence: readonly RoutingEvidence[];
}

export interface UnitVote {
  unitId: string;
  /** 0–1 */
  score: number;
  /** Neighbours that count for it, most similar first. */
  support: VotingNeighbour[];
  /** Neighbours it returned or transferred, most similar first. */
  against: VotingNeighbour[];
}

/**
 * k nearest neighbours voting: each past suggestion votes with its similarity for the units it
 * went to and against those that handed it back. A unit's score is its net vote over the
 * neighbours' total similarity, so 1 means every close past suggestion went there and nowhere else
 * was returned. Units whose net vote is not positive are left out; ties go to the unit with the
 * closest supporting suggestion, then by id (stable).
 */
export function voteUnits(neighbours: readonly VotingNeighbour[]): UnitVote[] {
  const total = neighbours.reduce((sum, n) => sum + n.score, 0);
  if (total === 0) return [];
  const votes = new Map<string, { net: number; support: VotingNeighbour[]; against: VotingNeighbour[] }>();
  for (const neighbour of neighbours) {
    for (const evidence of neighbour.evidence) {
      const vote = votes.get(evidence.unitId) ?? { net: 0, support: [], against: [] };
      const weight = evidenceWeight(evidence);
      vote.net += weight * neighbour.score;
      (weight > 0 ? vote.support : vote.against).push(neighbour);
      votes.set(evidence.unitId, vote);
    }
  }
  return [...votes]
    .filter(([, vote]) => vote.net > 0)
    .map(([unitId, vote]) => ({ unitId, score: Math.min(1, vote.net / total), support: vote.support, against: vote.against }))
    .sort((a, b) => b.score - a.score || (b.support[0]?.score ?? 0) - (a.support[0]?.score ?? 0) || (a.unitId < b.unitId ? -1 : 1));
}
