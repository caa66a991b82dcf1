import type { SuggestionDetail } from '../api/types';

/**
 * Whether the detail marks this due time provisional: an open deadline of the same instant (and
 * kind and unit, when given) that the server computed on a year without its holiday notice.
 */
export function isProvisional(detail: Pick<SuggestionDetail, 'deadlines'>, dueAt: string | undefined, match: { kind?: string; unitId?: string } = {}): boolean {
  if (!dueAt) return false;
  const at = new Date(dueAt).getTime();
  return detail.deadlines.some(
    (d) =>
      d.provisional === true &&
      new Date(d.dueAt).getTime() === at &&
      (match.kind === undefined || d.kind === match.kind) &&
      (match.unitId === undefined || d.unitId === match.unitId),
  );
}
