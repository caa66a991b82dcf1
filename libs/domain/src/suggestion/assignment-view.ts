import { Assignment, ExistingSuggestion, UnitHandling } from './state';
import { AssignmentDeadlines, SuggestionStatus } from './values';

/** Units that answer (sole, lead, separate); co-handlers only send the lead an opinion. */
export function answeringUnits(assignment: Assignment): UnitHandling[] {
  return assignment.units.filter((u) => u.role !== 'co');
}

export function currentAssignment(state: ExistingSuggestion): Assignment | undefined {
  return 'assignment' in state ? state.assignment : undefined;
}

export function findUnit(assignment: Assignment | undefined, unitId: string | undefined): UnitHandling | undefined {
  if (!assignment || unitId === undefined) return undefined;
  return assignment.units.find((u) => u.unitId === unitId);
}

/** The due times a unit works to: its own after a transfer (转办), else the assignment's. */
export function deadlinesOf(assignment: Assignment, unit: UnitHandling): AssignmentDeadlines {
  return unit.deadlines ?? assignment.deadlines;
}

/**
 * Every unit that handles or handled the suggestion: the current assignment's, those that handed
 * their part on (转办), and those of assignments ended by an approved return. Who may read it
 * (mayRead) and the read model's party rows both come from here, so they cannot disagree.
 */
export function unitsEverAssigned(state: ExistingSuggestion): string[] {
  const ids = new Set<string>();
  const add = (a: Assignment): void => {
    for (const unit of a.units) ids.add(unit.unitId);
    for (const transfer of a.transfers ?? []) ids.add(transfer.unit.unitId);
  };
  for (const previous of state.previousAssignments) add(previous);
  const current = currentAssignment(state);
  if (current) add(current);
  return [...ids];
}

/**
 * The status an assignment's units put the suggestion in. A re-handling anywhere is what matters
 * most; otherwise the suggestion waits for answers until every answering unit has answered,
 * and is rated once every one of them is rated.
 */
export function statusOfUnits(assignment: Assignment): Extract<SuggestionStatus, 'assigned' | 'answered' | 'rehandling' | 'rated'> {
  // One pass without intermediate arrays: evolve() runs this on every change to an assignment.
  let handling = false;
  let allRated = true;
  for (const unit of assignment.units) {
    if (unit.role === 'co') continue;
    if (unit.stage === 'rehandling') return 'rehandling';
    if (unit.stage === 'handling') handling = true;
    if (unit.stage !== 'rated') allRated = false;
  }
  if (handling) return 'assigned';
  return allRated ? 'rated' : 'answered';
}
