import { Actor } from '../shared/actor';
import { WorkingCalendar } from '../calendar/working-calendar';
import { NATIONAL_RULEBOOK } from '../rulebook/presets';
import { Rulebook } from '../rulebook/rulebook';
import { SuggestionCommand } from '../suggestion/commands';
import { suggestionDecider } from '../suggestion/decider';
import { SuggestionEvent } from '../suggestion/events';
import { ExistingSuggestion, Stamped, SuggestionState } from '../suggestion/state';
import { realCalendar } from './given';

/**
 * Runs commands through decide and evolve, as the api's pipeline does, keeping the stream: for specs
 * that tell a story over several commands under one preset (and, when a spec needs it, another calendar).
 */
export class Story {
  readonly stream: Stamped<SuggestionEvent>[] = [];
  state: SuggestionState = suggestionDecider.initialState();

  constructor(
    readonly rulebook: Rulebook = NATIONAL_RULEBOOK,
    public calendar: WorkingCalendar = realCalendar,
  ) {}

  run(command: SuggestionCommand, now: string, actor: Actor): SuggestionEvent[] {
    const events = suggestionDecider.decide(command, this.state, { now, actor, rulebook: this.rulebook, calendar: this.calendar });
    for (const event of events) {
      const stamped = { ...event, at: now, by: actor } as Stamped<SuggestionEvent>;
      this.stream.push(stamped);
      this.state = suggestionDecider.evolve(this.state, stamped);
    }
    return events;
  }

  get existing(): ExistingSuggestion {
    if (this.state.status === 'none') throw new Error('no suggestion yet');
    return this.state;
  }
}
