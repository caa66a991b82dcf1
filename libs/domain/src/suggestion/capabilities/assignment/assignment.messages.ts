import type { AssignedUnit, AssignmentDeadlines, AssignmentMode } from '../../values';

/** The commands assignment accepts and the events it records (composed into the suggestion's unions). */

export type AssignmentCommand =
  /** lead mode: unitIds holds the lead and the co-handlers, leadUnitId names the lead. */
  | { type: 'AssignSuggestion'; data: { mode: AssignmentMode; unitIds: string[]; leadUnitId?: string } };

export type AssignmentEvent =
  | { type: 'SuggestionAssigned'; data: { mode: AssignmentMode; units: AssignedUnit[] } & AssignmentDeadlines }
  /** An assignment made after an approved return: same shape as SuggestionAssigned. */
  | { type: 'SuggestionReassigned'; data: { mode: AssignmentMode; units: AssignedUnit[] } & AssignmentDeadlines };
