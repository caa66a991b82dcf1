import { isIsoInstant, toShanghaiDate } from '../../calendar/local-date';
import { isCanonicalInstant } from '../../calendar/packed-instant';
import { assertNever } from '../../shared/errors';
import { deadlinesOf } from '../assignment-view';
import { Assignment, ExistingSuggestion, SuggestionState, UnitHandling } from '../state';
import { concernsOf, Obligation, ObligationKind } from './obligation';
import { obligationKeys } from './obligation-key';

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
  // Parsed once per obligation, not once per comparison; Date.parse, not the strict instantMs: never throws.
  return collectOpenObligations(state)
    .map((obligation) => ({ obligation, ms: Date.parse(obligation.dueAt) }))
    .sort((a, b) => a.ms - b.ms || (a.obligation.key < b.obligation.key ? -1 : a.obligation.key > b.obligation.key ? 1 : 0))
    .map(({ obligation }) => obligation);
}

/**
 * The open obligations in no particular order, for evolve() (track-obligations.ts), which runs this on
 * every event that changes what they depend on (sameObligationInputs below). Never throws.
 */
export function collectOpenObligations(state: ExistingSuggestion): Obligation[] {
  const owed = statusObligations(state);
  commitmentObligations(state, owed);
  return owed;
}

/**
 * The parts of the state the obligations are computed from. An event that leaves all of them as they
 * were (same values, same objects: states are immutable) opens and closes nothing, so evolve() need
 * not look. Reading anything else of the state above means adding it here.
 */
export function sameObligationInputs(before: ExistingSuggestion, after: ExistingSuggestion): boolean {
  return (
    before.status === after.status &&
    before.commitments === after.commitments &&
    before.previousAssignments.length === after.previousAssignments.length &&
    ('assignDueAt' in before ? before.assignDueAt : undefined) === ('assignDueAt' in after ? after.assignDueAt : undefined) &&
    ('assignment' in before ? before.assignment : undefined) === ('assignment' in after ? after.assignment : undefined)
  );
}

function statusObligations(state: ExistingSuggestion): Obligation[] {
  const n = state.previousAssignments.length + 1;
  switch (state.status) {
    case 'accepted':
      return [obligation('assign', obligationKeys.assign(n), state.assignDueAt)];
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
      owed.push(unitObligation('return_window', obligationKeys.returnWindow(unitId, n), deadlinesOf(assignment, unit).returnDueAt, unitId));
    }
    if (unit.role === 'co') {
      if (status === 'assigned' && !unit.coOpinion) {
        owed.push(unitObligation('co_opinion', obligationKeys.coOpinion(unitId, n), unit.dueAt, unitId));
      }
      continue;
    }
    answeringUnitObligations(unit, assignment, n, owed);
  }
  return owed;
}

/** Sole, lead and separate units: contact and answer while handling, the new answer while re-handling, then the rating. */
function answeringUnitObligations(unit: UnitHandling, assignment: Assignment, n: number, owed: Obligation[]): void {
  const { unitId, round } = unit;
  switch (unit.stage) {
    case 'handling': {
      // Contact counts "before answering": once answered, it can no longer be done in time.
      const contactDueAt = deadlinesOf(assignment, unit).contactDueAt;
      if (!unit.contactedAt && contactDueAt !== undefined) {
        owed.push(unitObligation('contact', obligationKeys.contact(unitId, n), contactDueAt, unitId));
      }
      const extended = unit.dueAt !== deadlinesOf(assignment, unit).answerDueAt;
      const key = obligationKeys.answer(unitId, round, extended ? lastDay(unit.dueAt) : null, n);
      owed.push(roundObligation('answer', key, unit.dueAt, unitId, round));
      return;
    }
    case 'rehandling':
      owed.push(roundObligation('rehandling', obligationKeys.rehandling(unitId, round, n), unit.dueAt, unitId, round));
      return;
    case 'answered':
      // Before every answering unit has answered the round, the window is not open yet. A dissatisfied
      // rating leaves the unit `answered` until RehandlingStarted in the same append: rated is rated.
      if (unit.feedbackDueAt && !unit.ratings.some((r) => r.round === round)) {
        owed.push(roundObligation('feedback', obligationKeys.feedback(unitId, round, n), unit.feedbackDueAt, unitId, round));
      }
      return;
    case 'rated':
    case 'not_rated':
      return;
    default:
      return assertNever(unit.stage, 'unit stage');
  }
}

function commitmentObligations(state: ExistingSuggestion, owed: Obligation[]): void {
  if (state.status === 'withdrawn' || state.status === 'rejected') return;
  for (const c of state.commitments) {
    if (c.fulfilledAt !== undefined) continue;
    owed.push({
      key: obligationKeys.commitment(c.commitmentId),
      kind: 'commitment',
      concerns: concernsOf('commitment'),
      unitId: c.unitId,
      commitmentId: c.commitmentId,
      dueAt: c.dueAt,
    });
  }
}

// One literal per shape, properties always in the same order: cheap to build, same objects as ever.
function obligation(kind: ObligationKind, key: string, dueAt: string): Obligation {
  return { key, kind, concerns: concernsOf(kind), dueAt };
}

function unitObligation(kind: ObligationKind, key: string, dueAt: string, unitId: string): Obligation {
  return { key, kind, concerns: concernsOf(kind), unitId, dueAt };
}

function roundObligation(kind: ObligationKind, key: string, dueAt: string, unitId: string, round: number): Obligation {
  return { key, kind, concerns: concernsOf(kind), unitId, round, dueAt };
}

/** The Asia/Shanghai day a 24:00 due time ends (the raw value if it is not an instant: evolve must not throw). */
function lastDay(dueAt: string): string {
  // The usual due time, 24:00 in Shanghai = 16:00Z, ends the day it names: no date arithmetic needed.
  if (dueAt.endsWith('T16:00:00.000Z') && isCanonicalInstant(dueAt)) return dueAt.slice(0, 10);
  return isIsoInstant(dueAt) ? toShanghaiDate(new Date(Date.parse(dueAt) - 1).toISOString()) : dueAt;
}
