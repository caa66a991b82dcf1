/** The printable letter (答复函) of one answer: one unit's answer of one round. */
export function letterPath(suggestionId: string, unitId: string, round: number): string {
  return `/letters/${encodeURIComponent(suggestionId)}/${encodeURIComponent(unitId)}/${round}`;
}
