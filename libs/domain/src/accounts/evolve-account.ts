import { assertNever } from '../shared/errors';
import { Stamped } from '../suggestion/state';
import { AccountEvent } from './events';
import { UnitState, UserState } from './state';

export const initialUnitState = (): UnitState => ({ status: 'none' });
export const initialUserState = (): UserState => ({ status: 'none' });

/** Total, like every evolve: events of the other stream kind leave the state as it is. */
export function evolveUnit(state: UnitState, event: Stamped<AccountEvent>): UnitState {
  switch (event.type) {
    case 'UnitRegistered':
      return state.status === 'none' ? { status: 'registered', unitId: event.data.unitId, name: event.data.name, registeredAt: event.at } : state;
    case 'UserRegistered':
    case 'PasswordChanged':
      return state;
    default:
      return assertNever(event, 'account event');
  }
}

export function evolveUser(state: UserState, event: Stamped<AccountEvent>): UserState {
  switch (event.type) {
    case 'UserRegistered': {
      if (state.status !== 'none') return state;
      const { userId, displayName, role, unitId, passwordHash } = event.data;
      return { status: 'registered', userId, displayName, role, ...(unitId ? { unitId } : {}), passwordHash, registeredAt: event.at };
    }
    case 'PasswordChanged':
      return state.status === 'registered' ? { ...state, passwordHash: event.data.passwordHash, passwordChangedAt: event.at } : state;
    case 'UnitRegistered':
      return state;
    default:
      return assertNever(event, 'account event');
  }
}
