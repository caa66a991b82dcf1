import { isIsoInstant, toShanghaiDate } from '../../calendar/local-date';
import { assertNever } from '../../shared/errors';
import { answeringUnits } from '../assignment-view';
import { Assignment, ExistingSuggestion, SuggestionState, UnitHandling } from '../state';
import { concernsOf, Obligation, ObligationKind } from './obligation';

/**
 * Every obligation open in this state, with its due time as the state holds it (no rulebook,
 * no clock: due times were computed when decided and stored in the events).
 *
 * - accepted: staff owe the assignment;
 * - while assigned: each unit may ask to return it until it answers (and not while its own request
 *   is pending); co-handlers owe their opinion; each answering unit owes its contact with the deputy
 *   and its answer (or the granted extension's); a re-handling unit owes its new answer;
 * - an answering unit's answer, once its feedback window is open, awaits the lead deputy's rating;
 * - every unfulfilled commitment, whatever the status (followed even once closed).
 * Nothing is owed on a withdrawn or rejected suggestion, nor on a closed one but its commitments.
 *
 * Ordered by due time, then key.
 */
export function openObligations(state: SuggestionState): Obligation[] {
  if (state.status === 'none') return [];
  // evolve() calls this on every event and must never throw: Date.parse, not the strict instantMs.
  return [...statusObligations(state), ...commitmentObligations(state)].sort(
    (a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function statusObligations(state: ExistingSuggestion): Obligation[] {
  const n = state.previousAssignments.length + 1;
  switch (state.status) {
    case 'accepted':
      return [obligation('assign', withAssignment('assign', n), state.assignDueAt)];
    case 'assigned':
    case 'answered':
    case 'rehandling':
    case 'rated':
      return assignmentObligations(state.status, state.assignment, n);
    case 'submitted':
    case 'rejected':
    case 'closed':
    case 'withdrawn':
      return [];
    default:
      return assertNever(state, 'suggestion status');
  }
}

function assignmentObligations(status: 'assigned' | 'answered' | 'rehandling' | 'rated', assignment: Assignment, n: number): Obligation[] {
  const owed: Obligation[] = [];
  for (const unit of assignment.units) {
    const { unitId } = unit;
    // requestReturn needs status `assigned` and no answer yet; a pending request of its own has used the window for now.
    if (status === 'assigned' && unit.answers.length === 0 && assignment.pendingReturn?.unitId !== unitId) {
      owed.push(obligation('return_window', withAssignment(`return:${unitId}`, n), assignment.deadlines.returnDueAt, { unitId }));
    }
    if (unit.role === 'co') {
      if (status === 'assigned' && !unit.coOpinion) {
        owed.push(obligation('co_opinion', withAssignment(`co_opinion:${unitId}`, n), unit.dueAt, { unitId }));
      }
      continue;
    }
    owed.push(...answeringUnitObligations(unit, assignment, n));
  }
  return owed;
}

/** Sole, lead and separate units: contact and answer while handling, the new answer while re-handling, then the rating. */
function answeringUnitObligations(unit: UnitHandling, assignment: Assignment, n: number): Obligation[] {
  const { unitId, round } = unit;
  switch (unit.stage) {
    case 'handling': {
      const owed: Obligation[] = [];
      // Contact counts "before answering": once answered, it can no longer be done in time.
      if (!unit.contactedAt) {
        owed.push(obligation('contact', withAssignment(`contact:${unitId}`, n), assignment.deadlines.contactDueAt, { unitId }));
      }
      const extended = unit.dueAt !== assignment.deadlines.answerDueAt;
      const answerKey = `answer:${unitId}:${round}${extended ? `:ext-${lastDay(unit.dueAt)}` : ''}`;
      owed.push(obligation('answer', withAssignment(answerKey, n), unit.dueAt, { unitId, round }));
      return owed;
    }
    case 'rehandling':
      return [obligation('rehandling', withAssignment(`rehandling:${unitId}:${round}`, n), unit.dueAt, { unitId, round })];
    case 'answered':
      // Before every answering unit has answered the round, the window is not open yet. A dissatisfied
      // rating leaves the unit `answered` until RehandlingStarted in the same append: rated is rated.
      return unit.feedbackDueAt && !unit.ratings.some((r) => r.round === round)
        ? [obligation('feedback', withAssignment(`feedback:${unitId}:${round}`, n), unit.feedbackDueAt, { unitId, round })]
        : [];
    case 'rated':
    case 'not_rated':
      return [];
    default:
      return assertNever(unit.stage, 'unit stage');
  }
}

function commitmentObligations(state: ExistingSuggestion): Obligation[] {
  if (state.status === 'withdrawn' || state.status === 'rejected') return [];
  return state.commitments
    .filter((c) => c.fulfilledAt === undefined)
    .map((c) => obligation('commitment', `commitment:${c.commitmentId}`, c.dueAt, { unitId: c.unitId, commitmentId: c.commitmentId }));
}

function obligation(
  kind: ObligationKind,
  key: string,
  dueAt: string,
  extra: { unitId?: string; commitmentId?: string; round?: number } = {},
): Obligation {
  return { key, kind, concerns: concernsOf(kind), ...extra, dueAt };
}

/** The first assignment's keys stay short; later ones (after an approved return) are told apart. */
function withAssignment(key: string, n: number): string {
  return n > 1 ? `${key}@${n}` : key;
}

/** The Asia/Shanghai day a 24:00 due time ends (the raw value if it is not an instant: evolve must not throw). */
function lastDay(dueAt: string): string {
  return isIsoInstant(dueAt) ? toShanghaiDate(new Date(Date.parse(dueAt) - 1).toISOString()) : dueAt;
}
