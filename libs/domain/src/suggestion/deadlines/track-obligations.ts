import { PackedInstant, packedMs, packInstant, packRepeatedInstant } from '../../calendar/packed-instant';
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
  const dues: PackedInstant[] = [];
  const matched: boolean[] = [];
  for (const o of open) {
    dues.push(packRepeatedInstant(o.dueAt));
    matched.push(false);
  }
  let at: PackedInstant | undefined;
  const eventAt = () => (at ??= packInstant(event.at));
  let next: DeadlineLogEntry[] | undefined;
  for (let i = 0; i < log.length; i++) {
    const entry = log[i]!;
    const j = indexOfKey(open, entry[KEY]);
    let updated: DeadlineLogEntry;
    if (j >= 0) {
      matched[j] = true;
      updated = keepOpen(entry, dues[j]!);
    } else {
      updated = isOpen(entry) ? withSlot(entry, fulfils(entry, event, state.commitments) ? FULFILLED : ENDED, eventAt()) : entry;
    }
    if (updated !== entry) {
      next ??= log.slice();
      next[i] = updated;
    }
  }
  const opened = newlyOpen(open, dues, matched);
  if (opened.length > 0) {
    next ??= log.slice();
    for (const j of opened) next.push(openEntry(open[j]!, dues[j]!, eventAt(), state.commitments));
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

/** Indexes of the obligations no entry matched, in the order they are logged: by due time, then key. */
function newlyOpen(open: Obligation[], dues: PackedInstant[], matched: boolean[]): number[] {
  const opened: number[] = [];
  for (let j = 0; j < open.length; j++) {
    // Keys are unique in a state; should one repeat, it is logged once.
    if (!matched[j] && indexOfKey(open, open[j]!.key) === j) opened.push(j);
  }
  // Insertion sort: a handful at most, and no arrays or closures made for it.
  for (let i = 1; i < opened.length; i++) {
    const j = opened[i]!;
    let k = i - 1;
    while (k >= 0 && before(open, dues, j, opened[k]!)) {
      opened[k + 1] = opened[k]!;
      k--;
    }
    opened[k + 1] = j;
  }
  return opened;
}

/** Whether obligation a is logged before b: earlier due time (as Date.parse reads it), then smaller key. */
function before(open: Obligation[], dues: PackedInstant[], a: number, b: number): boolean {
  const byDue = packedMs(dues[a]!) - packedMs(dues[b]!);
  if (byDue !== 0 && !Number.isNaN(byDue)) return byDue < 0;
  return open[a]!.key < open[b]!.key;
}

function keepOpen(entry: DeadlineLogEntry, dueAt: PackedInstant): DeadlineLogEntry {
  // Open again (a unit whose return request was denied may ask again): the earlier closing no longer holds.
  const closed = !isOpen(entry);
  // A moved due time is a new deadline: its reminder and miss are recorded afresh.
  if (!closed && entry[DUE] === dueAt) return entry;
  return reopened(entry, dueAt, closed);
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
