import { ExistingSuggestion } from '../state';
import { Obligation } from './obligation';
import { openObligations } from './open-obligations';

export interface PendingDeadline {
  obligation: Obligation;
  remindedAt?: string;
  missedAt?: string;
}

/** The open obligations with what has already been recorded for them (from the obligation log). */
export function pendingDeadlines(state: ExistingSuggestion): PendingDeadline[] {
  const log = new Map((state.obligationLog ?? []).map((r) => [r.key, r]));
  return openObligations(state).map((obligation) => {
    const record = log.get(obligation.key);
    // A record with another due time belongs to an earlier deadline: nothing is recorded for this one yet.
    const current = record && record.dueAt === obligation.dueAt ? record : undefined;
    return {
      obligation,
      ...(current?.remindedAt ? { remindedAt: current.remindedAt } : {}),
      ...(current?.missedAt ? { missedAt: current.missedAt } : {}),
    };
  });
}
