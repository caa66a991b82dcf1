import { isPackedFrom, PackedInstant, packedMs, packInstant } from '../../calendar/packed-instant';
import { assertNever } from '../../shared/errors';
import { SuggestionEvent } from '../events';
import { ExistingSuggestion, Stamped } from '../state';
import { Commitment } from '../values';
import { DeadlineLogEntry, DUE, ENDED, FULFILLED, isOpen, KEY, MISSED, openEntry, partsOfEntry, REMINDED, reopened, withSlot } from './deadline-log';
import { Obligation, ObligationKind } from './obligation';
import { KEY_PREFIXES } from './obligation-key';
import { collectOpenObligations } from './open-obligations';

/**
 * Keeps `deadlineLog` in step with the state an event produced: obligations that appear are
 * logged as opened at the event's time; those that disappear are closed as fulfilled when this
 * event is what fulfils them, otherwise as ended. Deriving the log from the state (rather than
 * from each event type) means a new rule cannot forget to open or close an obligation.
 *
 * Runs inside evolve() on every event that changes an obligation input (see sameObligationInputs),
 * so it copies only what changes and parses no dates: due times are compared packed. Returns the
 * new log, or the state's own when nothing changed.
 */
export function trackObligations(state: ExistingSuggestion, event: Stamped<SuggestionEvent>): DeadlineLogEntry[] {
  // A state saved before the log existed (e.g. in a read model) starts it empty rather than throwing.
  const log = state.deadlineLog ?? [];
  const open = collectOpenObligations(state);
  const matched: boolean[] = [];
  for (let j = 0; j < open.length; j++) matched.push(false);
  // Packed once, and only when something opens or closes.
  let at: PackedInstant | undefined;
  let next: DeadlineLogEntry[] | undefined;
  for (let i = 0; i < log.length; i++) {
    const entry = log[i]!;
    const j = indexOfKey(open, entry[KEY]);
    let updated: DeadlineLogEntry;
    if (j >= 0) {
      matched[j] = true;
      updated = keepOpen(entry, open[j]!.dueAt);
    } else {
      updated = isOpen(entry) ? withSlot(entry, fulfils(entry, event, state.commitments) ? FULFILLED : ENDED, (at ??= packInstant(event.at))) : entry;
    }
    if (updated !== entry) {
      next ??= log.slice();
      next[i] = updated;
    }
  }
  const opened = newlyOpen(open, matched);
  if (opened.length > 0) {
    next ??= log.slice();
    at ??= packInstant(event.at);
    for (const { obligation, dueAt } of opened) next.push(openEntry(obligation, dueAt, at, state.commitments));
  }
  return next ?? log;
}

/** Marks a DeadlineReminderRecorded or DeadlineMissed on its entry; unknown keys change nothing. */
export function markDeadline(state: ExistingSuggestion, key: string, mark: 'remindedAt' | 'missedAt', at: string): ExistingSuggestion {
  const log = state.deadlineLog ?? [];
  let i = 0;
  while (i < log.length && log[i]![KEY] !== key) i++;
  if (i === log.length) return state;
  const next = log.slice();
  next[i] = withSlot(log[i]!, mark === 'remindedAt' ? REMINDED : MISSED, packInstant(at));
  return { ...state, deadlineLog: next };
}

function indexOfKey(open: readonly Obligation[], key: string): number {
  for (let j = 0; j < open.length; j++) if (open[j]!.key === key) return j;
  return -1;
}

/** The obligations no entry matched, with their due times packed, in the order they are logged: by due time, then key. */
function newlyOpen(open: Obligation[], matched: boolean[]): Opened[] {
  const opened: Opened[] = [];
  for (let j = 0; j < open.length; j++) {
    // Keys are unique in a state; should one repeat, it is logged once.
    if (matched[j] || indexOfKey(open, open[j]!.key) !== j) continue;
    opened.push({ obligation: open[j]!, dueAt: packInstant(open[j]!.dueAt), ms: NaN });
  }
  if (opened.length < 2) return opened;
  for (const item of opened) item.ms = packedMs(item.dueAt);
  // Insertion sort, stable: a handful at most. Due times compare as Date.parse reads them, NaN ones by key.
  for (let i = 1; i < opened.length; i++) {
    const item = opened[i]!;
    let k = i - 1;
    while (k >= 0 && before(item, opened[k]!)) {
      opened[k + 1] = opened[k]!;
      k--;
    }
    opened[k + 1] = item;
  }
  return opened;
}

interface Opened {
  obligation: Obligation;
  dueAt: PackedInstant;
  ms: number;
}

function before(a: Opened, b: Opened): boolean {
  const byDue = a.ms - b.ms;
  if (byDue !== 0 && !Number.isNaN(byDue)) return byDue < 0;
  return a.obligation.key < b.obligation.key;
}

function keepOpen(entry: DeadlineLogEntry, dueAt: string): DeadlineLogEntry {
  // Open again (a unit whose return request was denied may ask again): the earlier closing no longer holds.
  const closed = !isOpen(entry);
  // A moved due time is a new deadline: its reminder and miss are recorded afresh.
  const moved = !isPackedFrom(entry[DUE], dueAt);
  if (!closed && !moved) return entry;
  return reopened(entry, moved ? packInstant(dueAt) : entry[DUE], closed);
}

function fulfils(entry: DeadlineLogEntry, event: SuggestionEvent, commitments: readonly Commitment[]): boolean {
  // Most closings are ended by an event that fulfils nothing, or nothing of this kind: no key to read then.
  const kinds = FULFILLED_KINDS[event.type];
  if (!kinds?.some((kind) => entry[KEY].startsWith(KEY_PREFIXES[kind]))) return false;
  const parts = partsOfEntry(entry, commitments);
  // evolve() never throws: an entry it cannot read (a damaged state) is ended, not fulfilled.
  if (!parts) return false;
  const { kind, unitId, commitmentId } = parts;
  switch (kind) {
    case 'assign':
      return event.type === 'SuggestionAssigned' || event.type === 'SuggestionReassigned';
    case 'return_window':
      return event.type === 'ReturnRequested' && event.data.unitId === unitId;
    case 'co_opinion':
      return event.type === 'CoHandlerOpinionSubmitted' && event.data.unitId === unitId;
    case 'contact':
      return event.type === 'DeputyContacted' && event.data.unitId === unitId;
    case 'answer':
    case 'rehandling':
      return event.type === 'SuggestionAnswered' && event.data.unitId === unitId;
    case 'feedback':
      return event.type === 'SuggestionRated' && event.data.unitId === unitId;
    case 'commitment':
      return event.type === 'CommitmentFulfilled' && event.data.commitmentId === commitmentId;
    default:
      return assertNever(kind, 'obligation kind');
  }
}

/** The events fulfils() can answer yes for, and the kinds of obligation each may fulfil. */
const FULFILLED_KINDS: Partial<Record<SuggestionEvent['type'], readonly ObligationKind[]>> = {
  SuggestionAssigned: ['assign'],
  SuggestionReassigned: ['assign'],
  ReturnRequested: ['return_window'],
  CoHandlerOpinionSubmitted: ['co_opinion'],
  DeputyContacted: ['contact'],
  SuggestionAnswered: ['answer', 'rehandling'],
  SuggestionRated: ['feedback'],
  CommitmentFulfilled: ['commitment'],
};
