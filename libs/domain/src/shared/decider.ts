import { Actor } from './actor';
import { Rulebook } from '../rulebook/rulebook';
import { WorkingCalendar } from '../calendar/working-calendar';
import type { Stamped } from '../suggestion/state';

/** Everything a decision may depend on besides the state: time comes in, it is never read. */
export interface DecisionContext {
  /** ISO-8601 instant (UTC), from the api's Clock. */
  now: string;
  actor: Actor;
  rulebook: Rulebook;
  calendar: WorkingCalendar;
}

export interface Decider<S, C, E> {
  initialState: () => S;
  /** Total: never throws, never validates. Sees each event with its time and actor. */
  evolve: (state: S, event: Stamped<E>) => S;
  /** All rules live here; throws DomainError. Returns events without metadata. */
  decide: (command: C, state: S, ctx: DecisionContext) => E[];
}
