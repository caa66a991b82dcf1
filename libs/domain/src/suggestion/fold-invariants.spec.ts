import { realisticHistories } from '../testing/realistic-histories';
import { realCalendar } from '../testing/given';
import { obligationLog } from './deadlines/obligation-log';
import { isDeadlineOpen } from './deadlines/obligation';
import { openObligations } from './deadlines/open-obligations';
import { evolveSuggestion, initialSuggestionState } from './evolve';
import { SuggestionState } from './state';

/** Streams the decider wrote, with the scheduler's reminders and misses: every kind of event in its real mix. */
const histories = realisticHistories(120, 20_260_305, realCalendar, { scheduler: true });

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('folding realistic streams', () => {
  it('covers the lifecycle: the histories hold every common event type', () => {
    const types = new Set(histories.flat().map((e) => e.type));
    for (const type of ['SuggestionAnswered', 'SuggestionRated', 'RehandlingStarted', 'DeadlineReminderRecorded', 'DeadlineMissed', 'FeedbackWindowExpired', 'ExtensionGranted']) {
      expect(types).toContain(type);
    }
  });

  it('keeps the log in step with the open obligations after every event, one entry per key', () => {
    for (const history of histories) {
      let state: SuggestionState = initialSuggestionState();
      for (const event of history) {
        state = evolveSuggestion(state, event);
        const log = obligationLog(state);
        expect(log.filter(isDeadlineOpen).map((r) => r.key).sort()).toEqual(openObligations(state).map((o) => o.key).sort());
        expect(new Set(log.map((r) => r.key)).size).toBe(log.length);
      }
    }
  });

  it('never changes the state it is given (states share their parts)', () => {
    for (const history of histories) {
      // Frozen in strict mode, any write to an earlier state throws.
      history.reduce((state, event) => evolveSuggestion(deepFreeze(state), event), initialSuggestionState());
    }
  });

  it('folds a state read back from JSON on to the same state, as the read model does', () => {
    for (const history of histories) {
      let live: SuggestionState = initialSuggestionState();
      let stored: SuggestionState = initialSuggestionState();
      for (const [i, event] of history.entries()) {
        live = evolveSuggestion(live, event);
        stored = evolveSuggestion(stored, event);
        if (i % 3 === 0) stored = JSON.parse(JSON.stringify(stored)) as SuggestionState;
      }
      expect(JSON.parse(JSON.stringify(stored))).toEqual(JSON.parse(JSON.stringify(live)));
    }
  });
});
