import { instantMs } from '../calendar/local-date';
import { assertNever } from '../shared/errors';
import { answeringUnits, currentAssignment } from './assignment-view';
import { ExistingSuggestion } from './state';
import { SuggestionStatus } from './values';

export interface SuggestionSummary {
  status: SuggestionStatus;
  /** Units of the current assignment (none before assignment or after an approved return). */
  unitIds: string[];
  /** The next due time that matters for the status, or null when nothing is due. */
  dueAt: string | null;
  overdue: boolean;
  keySupervised: boolean;
}

/** What lists and statistics need of one suggestion at `now`. */
export function suggestionSummary(state: ExistingSuggestion, now: string): SuggestionSummary {
  const dueAt = nextDueAt(state);
  return {
    status: state.status,
    unitIds: currentAssignment(state)?.units.map((u) => u.unitId) ?? [],
    dueAt,
    overdue: dueAt !== null && instantMs(now) > instantMs(dueAt),
    keySupervised: state.keySupervision !== undefined,
  };
}

function nextDueAt(state: ExistingSuggestion): string | null {
  switch (state.status) {
    case 'accepted':
      return state.assignDueAt;
    case 'assigned':
    case 'rehandling': {
      // The answer still owed soonest: handling or re-handling, never a co-handler's opinion.
      const owed = answeringUnits(state.assignment)
        .filter((u) => u.stage === 'handling' || u.stage === 'rehandling')
        .map((u) => u.dueAt)
        .sort((a, b) => instantMs(a) - instantMs(b));
      return owed[0] ?? null;
    }
    case 'answered': {
      // The deputy's ratings still awaited; none once every window has passed into "not rated".
      const awaited = answeringUnits(state.assignment)
        .filter((u) => u.stage === 'answered' && u.feedbackDueAt !== undefined)
        .map((u) => u.feedbackDueAt as string)
        .sort((a, b) => instantMs(a) - instantMs(b));
      return awaited[0] ?? null;
    }
    case 'submitted':
    case 'rejected':
    case 'rated':
    case 'closed':
    case 'withdrawn':
      return null;
    default:
      return assertNever(state, 'suggestion status');
  }
}
