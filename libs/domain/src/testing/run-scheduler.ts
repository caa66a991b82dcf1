import { instantMs } from '../calendar/local-date';
import { NATIONAL_RULEBOOK } from '../rulebook/presets';
import { Rulebook } from '../rulebook/rulebook';
import { SYSTEM_ACTOR } from '../shared/actor';
import { decideSuggestion } from '../suggestion/decide';
import { foldSuggestion } from '../suggestion/decider';
import { nextWakeUp } from '../suggestion/deadlines/next-wake-up';
import { SuggestionEvent } from '../suggestion/events';
import { evolveSuggestion } from '../suggestion/evolve';
import { Stamped, SuggestionState } from '../suggestion/state';
import { stamp } from './fixtures';
import { realCalendar } from './given';

export interface SchedulerRun {
  /** `<instant> <event type> <key, or unitId for the consequences>`, in the order recorded. */
  log: string[];
  state: SuggestionState;
  stream: Stamped<SuggestionEvent>[];
}

/**
 * Plays the api's scheduler over a history: wake at nextWakeUp, run RecordDeadlines, append what it
 * returns, repeat until `until`. Waking for nothing is a bug in nextWakeUp, so it throws.
 */
export function runScheduler(history: Stamped<SuggestionEvent>[], until: string, rulebook: Rulebook = NATIONAL_RULEBOOK): SchedulerRun {
  const stream = [...history];
  let state = foldSuggestion(stream);
  const log: string[] = [];
  const lastAt = () => instantMs(stream[stream.length - 1].at);
  for (let runs = 0; ; runs++) {
    if (runs > 100) throw new Error('the scheduler does not settle');
    const wake = nextWakeUp(state, rulebook, realCalendar);
    if (wake === null || instantMs(wake) > instantMs(until)) return { log, state, stream };
    // A wake-up in the past means "now": the scheduler runs at once.
    const now = new Date(Math.max(instantMs(wake), lastAt())).toISOString();
    const events = decideSuggestion({ type: 'RecordDeadlines', data: {} }, state, { now, actor: SYSTEM_ACTOR, rulebook, calendar: realCalendar });
    if (events.length === 0) throw new Error(`woke at ${now} for nothing`);
    for (const event of events) {
      const stamped = stamp(event, now, SYSTEM_ACTOR);
      stream.push(stamped);
      state = evolveSuggestion(state, stamped);
      log.push(`${now} ${event.type} ${subject(event)}`);
    }
  }
}

function subject(event: SuggestionEvent): string {
  if (event.type === 'DeadlineReminderRecorded' || event.type === 'DeadlineMissed') return event.data.key;
  if (event.type === 'FeedbackWindowExpired') return `${event.data.unitId}:${event.data.round}`;
  return 'unitId' in event.data ? String(event.data.unitId) : '';
}
