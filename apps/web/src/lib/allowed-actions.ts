import type { SuggestionAction } from '@duban/domain';
import type { SuggestionDetail } from '../api/types';

/**
 * Whether the server said this caller may send `action` now (the detail's `allowedActions`, found by
 * dry-running the decider). Pages show a command's button exactly when this is true and never
 * re-code a rule: the decider alone knows who may do what when.
 */
export function allows(detail: Pick<SuggestionDetail, 'allowedActions'>, action: SuggestionAction): boolean {
  return detail.allowedActions.includes(action);
}
