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
    case 'UnitRenamed':
      return state.status === 'registered' ? { ...state, name: event.data.name } : state;
    case 'UserRegistered':
    case 'UserDelegationChanged':
    case 'UserMovedToUnit':
    case 'UserPhoneChanged':
    case 'PasswordChanged':
    case 'UserDeactivated':
    case 'UserReactivated':
    case 'UserRoleChanged':
    case 'SessionEnded':
      return state;
    default:
      return assertNever(event, 'account event');
  }
}

export function evolveUser(state: UserState, event: Stamped<AccountEvent>): UserState {
  switch (event.type) {
    case 'UserRegistered': {
      if (state.status !== 'none') return state;
      const { userId, displayName, role, unitId, passwordHash, mustChangePassword, delegationId, phone } = event.data;
      return {
        status: 'registered',
        userId,
        displayName,
        role,
        ...(unitId ? { unitId } : {}),
        passwordHash,
        registeredAt: event.at,
        ...(mustChangePassword ? { mustChangePassword } : {}),
        ...(delegationId ? { delegationId } : {}),
        ...(phone ? { phone } : {}),
      };
    }
    case 'PasswordChanged': {
      if (state.status === 'none') return state;
      const { mustChangePassword: _done, ...account } = state;
      return { ...account, passwordHash: event.data.passwordHash, passwordChangedAt: event.at };
    }
    case 'UserDeactivated':
      return state.status === 'registered' ? { ...state, status: 'deactivated', deactivatedAt: event.at } : state;
    case 'UserReactivated': {
      if (state.status !== 'deactivated') return state;
      const { deactivatedAt: _gone, ...account } = state;
      return { ...account, status: 'registered' };
    }
    case 'UserRoleChanged': {
      if (state.status === 'none') return state;
      const { unitId: _old, ...rest } = state;
      return { ...rest, role: event.data.role, ...(event.data.unitId ? { unitId: event.data.unitId } : {}) };
    }
    case 'UserDelegationChanged': {
      if (state.status === 'none') return state;
      const { delegationId: _old, ...rest } = state;
      return event.data.delegationId ? { ...rest, delegationId: event.data.delegationId } : rest;
    }
    case 'UserMovedToUnit':
      return state.status === 'none' ? state : { ...state, unitId: event.data.unitId };
    case 'UserPhoneChanged': {
      if (state.status === 'none') return state;
      const { phone: _old, ...rest } = state;
      return event.data.phone ? { ...rest, phone: event.data.phone } : rest;
    }
    case 'SessionEnded':
    case 'UnitRegistered':
    case 'UnitRenamed':
      return state;
    default:
      return assertNever(event, 'account event');
  }
}
