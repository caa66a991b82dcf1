import { assertNever } from '../../shared/errors';
import { SuggestionEvent } from '../events';
import { ExistingSuggestion, Stamped } from '../state';
import { DeadlineRecord, isDeadlineOpen, Obligation } from './obligation';
import { openObligations } from './open-obligations';

/**
 * Keeps `obligationLog` in step with the state an event produced: obligations that appear are
 * logged as opened at the event's time; those that disappear are closed as fulfilled when this
 * event is what fulfils them, otherwise as ended. Deriving the log from the state (rather than
 * from each event type) means a new rule cannot forget to open or close an obligation.
 */
export function trackObligations(state: ExistingSuggestion, event: Stamped<SuggestionEvent>): ExistingSuggestion {
  // A state saved before the log existed (e.g. in a read model) starts it empty rather than throwing.
  const log = state.obligationLog ?? [];
  const open = new Map(openObligations(state).map((o) => [o.key, o]));
  let changed = false;

  const next = log.map((record) => {
    const current = open.get(record.key);
    open.delete(record.key);
    const updated = current ? keepOpen(record, current) : close(record, event);
    if (updated !== record) changed = true;
    return updated;
  });
  for (const obligation of open.values()) {
    next.push({ ...obligation, openedAt: event.at });
    changed = true;
  }
  return changed ? { ...state, obligationLog: next } : state;
}

/** Marks a DeadlineReminderRecorded or DeadlineMissed on its record; unknown keys change nothing. */
export function markDeadline(state: ExistingSuggestion, key: string, mark: 'remindedAt' | 'missedAt', at: string): ExistingSuggestion {
  const log = state.obligationLog ?? [];
  if (!log.some((r) => r.key === key)) return state;
  return { ...state, obligationLog: log.map((r) => (r.key === key ? { ...r, [mark]: at } : r)) };
}

function keepOpen(record: DeadlineRecord, current: Obligation): DeadlineRecord {
  if (!isDeadlineOpen(record)) {
    // Open again (a unit whose return request was denied may ask again): the earlier closing no longer holds.
    const { fulfilledAt: _fulfilled, endedAt: _ended, ...reopened } = record;
    return withDue(reopened, current.dueAt);
  }
  return withDue(record, current.dueAt);
}

/** A moved due time is a new deadline: its reminder and miss are recorded afresh. */
function withDue(record: DeadlineRecord, dueAt: string): DeadlineRecord {
  if (record.dueAt === dueAt) return record;
  const { remindedAt: _reminded, missedAt: _missed, ...rest } = record;
  return { ...rest, dueAt };
}

function close(record: DeadlineRecord, event: Stamped<SuggestionEvent>): DeadlineRecord {
  if (!isDeadlineOpen(record)) return record;
  return fulfils(record, event) ? { ...record, fulfilledAt: event.at } : { ...record, endedAt: event.at };
}

function fulfils(record: DeadlineRecord, event: SuggestionEvent): boolean {
  switch (record.kind) {
    case 'assign':
      return event.type === 'SuggestionAssigned' || event.type === 'SuggestionReassigned';
    case 'return_window':
      return event.type === 'ReturnRequested' && event.data.unitId === record.unitId;
    case 'co_opinion':
      return event.type === 'CoHandlerOpinionSubmitted' && event.data.unitId === record.unitId;
    case 'contact':
      return event.type === 'DeputyContacted' && event.data.unitId === record.unitId;
    case 'answer':
    case 'rehandling':
      return event.type === 'SuggestionAnswered' && event.data.unitId === record.unitId;
    case 'feedback':
      return event.type === 'SuggestionRated' && event.data.unitId === record.unitId;
    case 'commitment':
      return event.type === 'CommitmentFulfilled' && event.data.commitmentId === record.commitmentId;
    default:
      return assertNever(record.kind, 'obligation kind');
  }
}
