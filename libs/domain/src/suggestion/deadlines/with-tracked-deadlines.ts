import { SuggestionEvent } from '../events';
import { Stamped, SuggestionState } from '../state';
import { sameObligationInputs } from './open-obligations';
import { trackObligations } from './track-obligations';

/**
 * The deadline bookkeeping the fold composes after each event's own effect: `next` (what the event
 * made of `before`) with its deadlineLog brought in step (see trackObligations). It stays in the fold
 * rather than on the read side because the decider needs the log: reminders and misses are decided
 * from it (pending deadlines, the next wake-up), on the command side as on the read side.
 *
 * `next` must be fresh from evolveSuggestionFacts for this event (nobody else holds it yet): its log
 * is set in place, which spares copying the whole state a second time (a rebuild folds every event).
 */
export function withTrackedDeadlines(before: SuggestionState, next: SuggestionState, event: Stamped<SuggestionEvent>): SuggestionState {
  if (next === before || next.status === 'none') return next;
  // Obligations follow from the state: only a change to what they are computed from can open or close one.
  // (A state without the log yet, saved before it existed, is tracked to start it.)
  if (before.status !== 'none' && before.deadlineLog !== undefined && sameObligationInputs(before, next)) return next;
  const deadlineLog = trackObligations(next, event);
  if (deadlineLog !== next.deadlineLog) next.deadlineLog = deadlineLog;
  return next;
}
