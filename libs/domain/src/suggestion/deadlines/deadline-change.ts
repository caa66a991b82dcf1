import { parseObligationKey } from './obligation-key';

/** The name a DeadlinesRecomputed change gives the extension limit (not an obligation: the latest an extension may reach). */
export const EXTENSION_MAX = 'extension_max';

/** The unit a change's obligation concerns, and its kind (`extension_max` for the extension limit). */
export function changeTarget(obligation: string): { kind: string; unitId?: string } | undefined {
  if (obligation === EXTENSION_MAX) return { kind: EXTENSION_MAX };
  if (obligation.startsWith(`${EXTENSION_MAX}:`)) return { kind: EXTENSION_MAX, unitId: obligation.slice(EXTENSION_MAX.length + 1) };
  const parts = parseObligationKey(obligation);
  return parts ? { kind: parts.kind, ...(parts.unitId !== undefined ? { unitId: parts.unitId } : {}) } : undefined;
}
