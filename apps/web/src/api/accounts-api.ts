import { request, type RequestOptions } from './client';
import { afterParam, rememberPosition } from './read-your-writes';
import type { CommandResult, Role, UnitRow, UserListRow } from './types';

// Account lists are read-model queries: `after` makes them show the admin's own last change.
export const fetchUserList = (role?: Role): Promise<UserListRow[]> =>
  request<UserListRow[]>('/api/users', { query: { role, after: afterParam() } });

export const fetchUnitList = (): Promise<UnitRow[]> => request<UnitRow[]>('/api/units', { query: { after: afterParam() } });

async function command(path: string, options: RequestOptions): Promise<CommandResult> {
  const result = await request<CommandResult>(path, { method: 'POST', ...options });
  rememberPosition(result?.position);
  return result;
}

export const createUnit = (body: { id: string; name: string }): Promise<CommandResult> => command('/api/units', { body });

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  unitId?: string;
  /** A deputy's delegation (代表团). */
  delegationId?: string;
  /** A deputy's phone number (PHONE_PATTERN). */
  phone?: string;
}

export const createUser = (body: NewUser): Promise<CommandResult> => command('/api/users', { body });

export const deactivateUser = (id: string): Promise<CommandResult> =>
  command(`/api/users/${encodeURIComponent(id)}/deactivate`, { body: {} });

export const reactivateUser = (id: string): Promise<CommandResult> =>
  command(`/api/users/${encodeURIComponent(id)}/reactivate`, { body: {} });

export const changeUserRole = (id: string, role: Role, unitId?: string): Promise<CommandResult> =>
  command(`/api/users/${encodeURIComponent(id)}/role`, { body: unitId ? { role, unitId } : { role } });

/** An admin sets someone else's password; that person's sessions end. */
export const resetPassword = (id: string, newPassword: string): Promise<CommandResult> =>
  command(`/api/users/${encodeURIComponent(id)}/password`, { body: { newPassword } });

/** One's own password; every session of the account ends, this one too. */
export const changeOwnPassword = (currentPassword: string, newPassword: string): Promise<CommandResult> =>
  request<CommandResult>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });

/** A unit's new name; its id stays, so everything that names the unit shows the new name. */
export const renameUnit = (id: string, name: string): Promise<CommandResult> =>
  command(`/api/units/${encodeURIComponent(id)}/name`, { body: { name } });

/** A deputy to another delegation (代表团), or to none. */
export const changeUserDelegation = (id: string, delegationId?: string): Promise<CommandResult> =>
  command(`/api/users/${encodeURIComponent(id)}/delegation`, { body: delegationId ? { delegationId } : {} });

/** A unit user to another unit; that person signs in again. */
export const moveUserToUnit = (id: string, unitId: string): Promise<CommandResult> =>
  command(`/api/users/${encodeURIComponent(id)}/unit`, { body: { unitId } });

/** A deputy's phone number (by the deputy or an admin); none removes it. */
export const changeUserPhone = (id: string, phone?: string): Promise<CommandResult> =>
  command(`/api/users/${encodeURIComponent(id)}/phone`, { body: phone ? { phone } : {} });

/** One's own account, for 个人信息. */
export interface Profile {
  id: string;
  displayName: string;
  role: Role;
  unitId?: string;
  delegationId?: string;
  phone?: string;
}

export const fetchProfile = (): Promise<Profile> => request<Profile>('/api/auth/profile');

/** A suggestion's deputies with their numbers, for staff and the units handling it. */
export interface DeputyContact {
  userId: string;
  displayName: string;
  role: 'lead' | 'co';
  phone?: string;
}

export const fetchDeputyContacts = (suggestionId: string): Promise<DeputyContact[]> =>
  request<DeputyContact[]>(`/api/suggestions/${encodeURIComponent(suggestionId)}/deputy-contacts`);
