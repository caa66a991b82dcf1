import { request } from './client';
import { afterParam } from './read-your-writes';
import type { Role, RulebookView, UnitRow, UserRow } from './types';

// `after`: a unit this tab just registered or renamed is listed as it now is.
export const fetchUnits = (): Promise<UnitRow[]> => request<UnitRow[]>('/api/units', { query: { after: afterParam() } });

/** Everyone (names for timelines and pickers), or one role. */
export const fetchUsers = (role?: Role): Promise<UserRow[]> => request<UserRow[]>('/api/users', { query: { role } });

export const fetchRulebook = (): Promise<RulebookView> => request<RulebookView>('/api/rulebook');
