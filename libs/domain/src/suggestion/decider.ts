import { instantMs, isIsoInstant } from '../calendar/local-date';
import { Decider } from '../shared/decider';
import { DomainError } from '../shared/errors';
import { SuggestionCommand } from './commands';
import { decideSuggestion } from './decide';
import { SuggestionEvent } from './events';
import { evolveSuggestion, initialSuggestionState } from './evolve';
import { Stamped, SuggestionState } from './state';

export const suggestionDecider: Decider<SuggestionState, SuggestionCommand, SuggestionEvent> = {
  initialState: initialSuggestionState,
  evolve: evolveSuggestion,
  decide: decideSuggestion,
};

/** The current state of a suggestion from its stream, oldest event first. */
export function foldSuggestion(events: readonly Stamped<SuggestionEvent>[]): SuggestionState {
  return events.reduce(evolveSuggestion, initialSuggestionState());
}

/**
 * The state as it was at `asOfIso`: the stream folded up to the last event that happened at or
 * before that instant. Events are taken in stream order and the fold stops at the first later one,
 * so even with a test clock set back it only returns a state that really existed.
 * `{ status: 'none' }` when the suggestion did not exist yet. Throws DomainError (invalid, `asOf`)
 * when asOf is not an ISO instant with an offset.
 */
export function foldSuggestionAsOf(events: readonly Stamped<SuggestionEvent>[], asOfIso: string): SuggestionState {
  if (!isIsoInstant(asOfIso)) {
    throw new DomainError('as_of.invalid', '查询时间格式不正确，请使用带时区的 ISO 8601 时间', 'invalid', 'asOf');
  }
  const asOf = instantMs(asOfIso);
  let state = initialSuggestionState();
  for (const event of events) {
    if (instantMs(event.at) > asOf) break;
    state = evolveSuggestion(state, event);
  }
  return state;
}
