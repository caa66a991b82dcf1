import type { UnitState, UserState } from '@duban/domain';
import type { RecordedEvent } from '@duban/event-store';
import { foldRecorded } from '../commands/stream-kind';
import { UNIT_STREAM, USER_STREAM } from './account-streams';

/** An existing user, active (`registered`) or `deactivated`. */
export type UserRecord = Exclude<UserState, { status: 'none' }>;
export type UnitRecord = Extract<UnitState, { status: 'registered' }>;

/** Folded as the command pipeline folds it (upcast first), so lookups and commands agree. */
export function foldUserState(events: readonly RecordedEvent[]): UserState {
  return foldRecorded(USER_STREAM, events);
}

export function foldUnitState(events: readonly RecordedEvent[]): UnitState {
  return foldRecorded(UNIT_STREAM, events);
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
