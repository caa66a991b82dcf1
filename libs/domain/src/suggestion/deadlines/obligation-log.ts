import { SuggestionState } from '../state';
import { toDeadlineRecord } from './deadline-log';
import { DeadlineRecord } from './obligation';

/**
 * Every obligation ever set on the suggestion, in the order they were set, with how it ended and the
 * reminders and misses recorded for it: the state's compact `deadlineLog` read back in full.
 */
export function obligationLog(state: SuggestionState): DeadlineRecord[] {
  if (state.status === 'none') return [];
  return (state.deadlineLog ?? []).map((entry) => toDeadlineRecord(entry, state.commitments));
}
