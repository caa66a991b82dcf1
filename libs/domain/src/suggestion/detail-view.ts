import { instantMs } from '../calendar/local-date';
import { WorkingCalendar } from '../calendar/working-calendar';
import { isProvisionalDeadline } from './deadlines/provisional';
import { DecisionContext } from '../shared/decider';
import { allowedActions } from './allowed-actions';
import { DeadlineRecord, ObligationKind } from './deadlines/obligation';
import { obligationLog } from './deadlines/obligation-log';
import { openObligations } from './deadlines/open-obligations';
import { DueLevel, dueLevel } from './due-level';
import { ExistingSuggestion } from './state';
import { suggestionSummary } from './summary';
import { SuggestionAction } from './suggestion-actions';

/**
 * How one deadline stands: `open` (not yet due), `met` (done by the due time), `late` (done after
 * it), `missed` (passed while still owed, whether or not it ended since), `ended` (ended before it
 * was due without being done: an extension replaced it, the assignment was returned, withdrawn…).
 */
export type DeadlineStatus = 'open' | 'met' | 'late' | 'missed' | 'ended';

/** One obligation as a reader sees it. Every time is an ISO-8601 string with its offset. */
export interface DeadlineView {
  kind: ObligationKind;
  unitId?: string;
  commitmentId?: string;
  round?: number;
  dueAt: string;
  status: DeadlineStatus;
  openedAt: string;
  /** When it was done: on time for `met`, after the due time for `late`. */
  metAt?: string;
  endedAt?: string;
  remindedAt?: string;
  missedAt?: string;
  /**
   * Present (true) while the due time is computed on a year whose official holiday notice is not
   * loaded yet: it may still move, and will be recomputed (DeadlinesRecomputed) when it is.
   */
  provisional?: true;
}

/** The next due time that matters for the caller, and how urgent it is now. */
export interface DueView {
  at: string;
  level: DueLevel;
  kind: ObligationKind;
  /** Present (true) when this due time is provisional (see DeadlineView.provisional). */
  provisional?: true;
}

/** The folded state without what only storage needs (the packed deadline log). Keeps the status union. */
type WithoutStorage<S> = S extends unknown ? Omit<S, 'deadlineLog'> : never;

/**
 * `GET /api/suggestions/:id`: the suggestion as its reader sees it. The state's own fields keep
 * their names (pages read them), but no storage encoding: deadlines are a readable list, and the
 * caller gets what they may do now and what is due for them.
 */
export type SuggestionDetailView = WithoutStorage<ExistingSuggestion> & {
  revision: number;
  deadlines: DeadlineView[];
  allowedActions: SuggestionAction[];
  due: DueView | null;
};

/**
 * The view for one caller at `ctx.now`. Pure; computed on read, from the stored state, because two
 * of its parts (allowed actions, due level) depend on who asks and when.
 */
export function toSuggestionDetailView(
  state: ExistingSuggestion,
  revision: number,
  ctx: DecisionContext,
  /** `withActions: false` for a look back (`asOf`): nothing can be sent to the past. */
  options: { withActions?: boolean } = {},
): SuggestionDetailView {
  const { deadlineLog: _storage, ...fields } = state;
  return {
    ...(fields as WithoutStorage<ExistingSuggestion>),
    revision,
    deadlines: obligationLog(state).map((record) => toDeadlineView(record, ctx.now, ctx.calendar)),
    allowedActions: options.withActions === false ? [] : allowedActions(state, ctx),
    due: dueFor(state, ctx),
  };
}

export function toDeadlineView(record: DeadlineRecord, now: string, calendar?: WorkingCalendar): DeadlineView {
  const { kind, unitId, commitmentId, round, dueAt, openedAt, fulfilledAt, endedAt, remindedAt, missedAt } = record;
  const due = instantMs(dueAt);
  const closedAt = fulfilledAt ?? endedAt;
  const late = (at: string) => instantMs(at) > due;
  const status: DeadlineStatus =
    fulfilledAt !== undefined
      ? late(fulfilledAt)
        ? 'late'
        : 'met'
      : late(closedAt ?? now)
        ? 'missed'
        : endedAt !== undefined
          ? 'ended'
          : 'open';
  return {
    kind,
    ...(unitId !== undefined ? { unitId } : {}),
    ...(commitmentId !== undefined ? { commitmentId } : {}),
    ...(round !== undefined ? { round } : {}),
    dueAt,
    status,
    openedAt,
    ...(fulfilledAt !== undefined ? { metAt: fulfilledAt } : {}),
    ...(endedAt !== undefined ? { endedAt } : {}),
    ...(remindedAt !== undefined ? { remindedAt } : {}),
    ...(missedAt !== undefined ? { missedAt } : {}),
    ...(isProvisionalDeadline(record, calendar) ? { provisional: true as const } : {}),
  };
}

/** Whom the suggestion's headline due time is about: staff assign, units answer, the deputy rates. */
const HEADLINE_KINDS: ReadonlySet<ObligationKind> = new Set(['assign', 'answer', 'rehandling', 'feedback']);

/**
 * A unit: its own earliest obligation (not the optional return window). The lead deputy: their
 * earliest rating owed, else the headline. Anyone else: the headline, the due time lists show
 * (`suggestionSummary`), so a page and its list agree.
 */
export function dueFor(state: ExistingSuggestion, ctx: Pick<DecisionContext, 'now' | 'actor' | 'rulebook' | 'calendar'>): DueView | null {
  const open = openObligations(state);
  const { actor } = ctx;
  let chosen: { dueAt: string; kind: ObligationKind; key?: string } | undefined;
  if (actor.role === 'unit') {
    chosen = open.find((o) => o.unitId === actor.unitId && o.kind !== 'return_window');
  } else {
    if (actor.role === 'deputy' && actor.userId === (state.delegationHeadId ?? state.leadDeputyId)) chosen = open.find((o) => o.kind === 'feedback');
    if (!chosen) {
      const headline = suggestionSummary(state, ctx.now).dueAt;
      if (headline !== null) {
        const at = instantMs(headline);
        const match = open.find((o) => HEADLINE_KINDS.has(o.kind) && instantMs(o.dueAt) === at);
        chosen = {
          dueAt: headline,
          kind: match?.kind ?? (state.status === 'accepted' ? 'assign' : state.status === 'answered' ? 'feedback' : 'answer'),
          ...(match ? { key: match.key } : {}),
        };
      }
    }
  }
  if (!chosen) return null;
  const provisional = chosen.key !== undefined && isProvisionalKey(state, chosen.key, ctx.calendar);
  return { at: chosen.dueAt, kind: chosen.kind, level: dueLevel(chosen.dueAt, ctx.now, ctx), ...(provisional ? { provisional: true as const } : {}) };
}

function isProvisionalKey(state: ExistingSuggestion, key: string, calendar: WorkingCalendar): boolean {
  const record = obligationLog(state).find((r) => r.key === key);
  return record !== undefined && isProvisionalDeadline(record, calendar);
}
