import { request } from './client';
import type { Role, RulebookView, UnitRow, UserRow } from './types';

export const fetchUnits = (): Promise<UnitRow[]> => request<UnitRow[]>('/api/units');

/** Everyone (names for timelines and pickers), or one role. */
export const fetchUsers = (role?: Role): Promise<UserRow[]> => request<UserRow[]>('/api/users', { query: { role } });

export const fetchRulebook = (): Promise<RulebookView> => request<RulebookView>('/api/rulebook');
