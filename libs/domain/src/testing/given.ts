import { Actor } from '../shared/actor';
import { DomainError, DomainErrorKind } from '../shared/errors';
import { createWorkingCalendar } from '../calendar/create-working-calendar';
import { NATIONAL_RULEBOOK } from '../rulebook/presets';
import { Rulebook } from '../rulebook/rulebook';
import { SuggestionCommand } from '../suggestion/commands';
import { decideSuggestion } from '../suggestion/decide';
import { foldSuggestion } from '../suggestion/decider';
import { SuggestionEvent } from '../suggestion/events';
import { evolveSuggestion } from '../suggestion/evolve';
import { Stamped, SuggestionState } from '../suggestion/state';

/** The real official calendar, as the api builds it. */
export const realCalendar = createWorkingCalendar();

export interface WhenContext {
  now: string;
  actor: Actor;
  /** National defaults unless a test is about a preset. */
  rulebook?: Rulebook;
}

const CHINESE = /[\u4e00-\u9fff]/;

/**
 * given(...history).when(command, { now, actor }).then(events) / .thenThrows(code, kind, field?)
 * on the real decider, national rulebook and real calendar.
 */
export function given(...history: Stamped<SuggestionEvent>[]) {
  const state = foldSuggestion(history);
  return {
    state,
    when(command: SuggestionCommand, ctx: WhenContext) {
      const run = (): SuggestionEvent[] =>
        decideSuggestion(command, state, {
          now: ctx.now,
          actor: ctx.actor,
          rulebook: ctx.rulebook ?? NATIONAL_RULEBOOK,
          calendar: realCalendar,
        });
      return {
        then(expected: SuggestionEvent[]): void {
          expect(run()).toEqual(expected);
        },
        thenThrows(code: string, kind: DomainErrorKind, field?: string): DomainError {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(DomainError);
          const error = thrown as DomainError;
          expect({ code: error.code, kind: error.kind, field: error.field }).toEqual({ code, kind, field });
          // Shown to users as is: it must be Chinese.
          expect(error.message).toMatch(CHINESE);
          return error;
        },
        /** The decided events, for assertions on part of them. */
        events: run,
        /** The state after the decided events, stamped with the command's time and actor. */
        thenState(): SuggestionState {
          return run().reduce(
            (s, event) => evolveSuggestion(s, { ...event, at: ctx.now, by: ctx.actor } as Stamped<SuggestionEvent>),
            state,
          );
        },
      };
    },
  };
}
