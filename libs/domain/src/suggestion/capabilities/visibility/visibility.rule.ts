import { Actor } from '../../../shared/actor';
import { assertNever } from '../../../shared/errors';
import { unitsEverAssigned } from '../../assignment-view';
import { SuggestionState } from '../../state';

/**
 * Who may read a suggestion (its detail, timeline, audit) and therefore learn that it exists: the
 * deputies who lead or co-signed it, every unit that handles or handled it (an approved return
 * or a transfer does not take its history away), and the offices (staff, supervisors, admins, the system).
 * This is the rule the read model keeps as `parties` rows; deciding it from the folded stream
 * lets a command check it without waiting for the projection (a unit just assigned can act at once).
 */
export function mayRead(state: SuggestionState, actor: Actor): boolean {
  if (state.status === 'none') return false;
  switch (actor.role) {
    case 'staff':
    case 'supervisor':
    case 'admin':
    case 'system':
      return true;
    case 'deputy':
      return state.leadDeputyId === actor.userId || state.coSignerIds.includes(actor.userId) || state.delegationHeadId === actor.userId;
    case 'unit': {
      const unitId = actor.unitId;
      if (unitId === undefined) return false;
      return unitsEverAssigned(state).includes(unitId);
    }
    default:
      return assertNever(actor.role, 'actor role');
  }
}
