import { isPackedFrom, PackedInstant, unpackInstant } from '../../calendar/packed-instant';
import { ExistingSuggestion } from '../state';
import { DUE, KEY, MISSED, REMINDED, slot } from './deadline-log';
import { Obligation } from './obligation';
import { openObligations } from './open-obligations';

export interface PendingDeadline {
  obligation: Obligation;
  remindedAt?: string;
  missedAt?: string;
}

/** The open obligations with what has already been recorded for them (from the deadline log). */
export function pendingDeadlines(state: ExistingSuggestion): PendingDeadline[] {
  const log = state.deadlineLog ?? [];
  return openObligations(state).map((obligation) => {
    const entry = log.find((e) => e[KEY] === obligation.key);
    // An entry with another due time belongs to an earlier deadline: nothing is recorded for this one yet.
    const current = entry && isPackedFrom(entry[DUE], obligation.dueAt) ? entry : undefined;
    const remindedAt = current && unpacked(slot(current, REMINDED));
    const missedAt = current && unpacked(slot(current, MISSED));
    return { obligation, ...(remindedAt ? { remindedAt } : {}), ...(missedAt ? { missedAt } : {}) };
  });
}

function unpacked(packed: PackedInstant | null): string | undefined {
  return packed === null ? undefined : unpackInstant(packed);
}
