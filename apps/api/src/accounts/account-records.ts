import { AccountEvent, UnitState, UserState, unitDecider, userDecider } from '@duban/domain';
import type { RecordedEvent } from '@duban/event-store';
import { stamp } from '../events/stamp';

/** An existing user, active (`registered`) or `deactivated`. */
export type UserRecord = Exclude<UserState, { status: 'none' }>;
export type UnitRecord = Extract<UnitState, { status: 'registered' }>;

export function foldUserState(events: readonly RecordedEvent[]): UserState {
  return events.reduce((state, event) => userDecider.evolve(state, stamp<AccountEvent>(event)), userDecider.initialState());
}

export function foldUnitState(events: readonly RecordedEvent[]): UnitState {
  return events.reduce((state, event) => unitDecider.evolve(state, stamp<AccountEvent>(event)), unitDecider.initialState());
}

/** The user in a `user-<id>` stream, active or deactivated, or null. */
export function foldUser(events: readonly RecordedEvent[]): UserRecord | null {
  const state = foldUserState(events);
  return state.status === 'none' ? null : state;
}

/** The registered unit in a `unit-<id>` stream, or null. */
export function foldUnit(events: readonly RecordedEvent[]): UnitRecord | null {
  const state = foldUnitState(events);
  return state.status === 'registered' ? state : null;
}
