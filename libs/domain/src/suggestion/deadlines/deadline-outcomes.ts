import { instantMs } from '../../calendar/local-date';
import { SuggestionState } from '../state';
import { ObligationKind } from './obligation';
import { obligationLog } from './obligation-log';

/** How one deadline went, for the timeline (期限是否按时完成). */
export interface DeadlineOutcome {
  key: string;
  kind: ObligationKind;
  unitId?: string;
  commitmentId?: string;
  round?: number;
  dueAt: string;
  /** Fulfilled by the due time (met). */
  metAt?: string;
  /** Fulfilled, but after the due time. */
  lateAt?: string;
  /** Ended unfulfilled: superseded by an extension, the assignment returned, withdrawn, no longer possible, window passed. */
  endedAt?: string;
  /** The due time passed while the obligation was still open (now, or when it was fulfilled or ended). */
  missed: boolean;
}

/**
 * Every obligation ever set on the suggestion, in the order they were set, with whether it was met
 * or missed as of `now` (an obligation still open and not yet due is neither).
 */
export function deadlineOutcomes(state: SuggestionState, now: string): DeadlineOutcome[] {
  if (state.status === 'none') return [];
  const nowMs = instantMs(now);
  return obligationLog(state).map((record) => {
    const { key, kind, unitId, commitmentId, round, dueAt, fulfilledAt, endedAt } = record;
    const due = instantMs(dueAt);
    const met = fulfilledAt !== undefined && instantMs(fulfilledAt) <= due;
    const closedAt = fulfilledAt ?? endedAt;
    return {
      key,
      kind,
      ...(unitId !== undefined ? { unitId } : {}),
      ...(commitmentId !== undefined ? { commitmentId } : {}),
      ...(round !== undefined ? { round } : {}),
      dueAt,
      ...(met ? { metAt: fulfilledAt } : {}),
      ...(fulfilledAt !== undefined && !met ? { lateAt: fulfilledAt } : {}),
      ...(endedAt !== undefined ? { endedAt } : {}),
      missed: !met && (closedAt !== undefined ? instantMs(closedAt) : nowMs) > due,
    };
  });
}
