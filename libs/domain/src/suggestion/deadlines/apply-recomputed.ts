import { assertNever } from '../../shared/errors';
import { DeadlineChange } from '../events';
import { changeTarget, EXTENSION_MAX } from './deadline-change';
import { Assignment, ExistingSuggestion, SuggestionState, UnitHandling } from '../state';
import { AssignmentDeadlines } from '../values';
import { ObligationKind } from './obligation';

/**
 * Folds DeadlinesRecomputed: each due time named moves from `from` to `to` wherever the state keeps
 * it (a value that is no longer `from` is left alone, so a change applies once and never undoes a
 * later one). The deadline log follows by itself: a moved due time is a new deadline (track-obligations).
 */
export function withRecomputedDeadlines(state: ExistingSuggestion, changes: readonly DeadlineChange[]): SuggestionState {
  let next: ExistingSuggestion = state;
  for (const change of changes) next = applyChange(next, change);
  return next;
}

function applyChange(state: ExistingSuggestion, change: DeadlineChange): ExistingSuggestion {
  const target = changeTarget(change.obligation);
  if (!target) return state;
  const { from, to } = change;
  if (target.kind === 'assign') {
    return state.status === 'accepted' && state.assignDueAt === from ? { ...state, assignDueAt: to } : state;
  }
  if (!('assignment' in state) || !state.assignment) return state;
  const assignment = state.assignment;
  const unit = target.unitId === undefined ? undefined : assignment.units.find((u) => u.unitId === target.unitId);
  if (target.unitId !== undefined && !unit) return state;

  /** The due times the unit works to: its own after a transfer, else the assignment's (shared by all units). */
  const withDeadline = (field: keyof AssignmentDeadlines): Assignment => {
    if (unit?.deadlines) {
      if (unit.deadlines[field] !== from) return assignment;
      return replaceUnit(assignment, unit, { ...unit, deadlines: { ...unit.deadlines, [field]: to } });
    }
    if (assignment.deadlines[field] !== from) return assignment;
    return { ...assignment, deadlines: { ...assignment.deadlines, [field]: to } };
  };
  const withUnitDue = (a: Assignment, field: 'dueAt' | 'feedbackDueAt'): Assignment => {
    const current = a.units.find((u) => u.unitId === target.unitId);
    if (!current || current[field] !== from) return a;
    return replaceUnit(a, current, { ...current, [field]: to });
  };

  let changed: Assignment;
  if (target.kind === EXTENSION_MAX) {
    changed = withDeadline('extensionMaxAt');
  } else {
    const kind = target.kind as ObligationKind;
    switch (kind) {
      case 'return_window':
        changed = withDeadline('returnDueAt');
        break;
      case 'contact':
        changed = withDeadline('contactDueAt');
        break;
      case 'co_opinion':
        changed = withUnitDue(withDeadline('coOpinionDueAt'), 'dueAt');
        break;
      case 'answer':
        // Both move together, or the unit would look as if it had been granted an extension.
        changed = withUnitDue(withDeadline('answerDueAt'), 'dueAt');
        break;
      case 'rehandling':
        changed = withUnitDue(assignment, 'dueAt');
        break;
      case 'feedback': {
        const a = withUnitDue(assignment, 'feedbackDueAt');
        changed = a.feedbackDueAt === from ? { ...a, feedbackDueAt: to } : a;
        break;
      }
      case 'assign':
      case 'commitment':
        return state;
      default:
        return assertNever(kind, 'obligation kind');
    }
  }
  return changed === assignment ? state : ({ ...state, assignment: changed } as ExistingSuggestion);
}

function replaceUnit(assignment: Assignment, unit: UnitHandling, next: UnitHandling): Assignment {
  return { ...assignment, units: assignment.units.map((u) => (u === unit ? next : u)) };
}
