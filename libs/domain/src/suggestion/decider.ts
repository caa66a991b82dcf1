import { Decider } from '../shared/decider';
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
