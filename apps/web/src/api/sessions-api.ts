import { request } from './client';
import { afterParam, rememberPosition } from './read-your-writes';
import type { DelegationRow, SessionRow } from '@duban/read-models/read-model.types';
import type { CommandResult } from './types';

// The read model's own types (type-only, erased from the bundle): a change there breaks the web's build.
export type { DelegationRow, SessionRow };

export const fetchSessions = (): Promise<SessionRow[]> => request<SessionRow[]>('/api/sessions', { query: { after: afterParam() } });
export const fetchDelegations = (): Promise<DelegationRow[]> => request<DelegationRow[]>('/api/delegations', { query: { after: afterParam() } });

async function command(path: string, body: unknown): Promise<CommandResult> {
  const result = await request<CommandResult>(path, { method: 'POST', body });
  rememberPosition(result?.position);
  return result;
}

export const openSession = (body: { name: string; kind: 'congress' | 'recess'; startsOn: string; endsOn?: string }): Promise<CommandResult> =>
  command('/api/sessions', body);
export const closeSession = (id: string): Promise<CommandResult> => command(`/api/sessions/${encodeURIComponent(id)}/close`, {});
export const setAssignmentDate = (id: string, assignOn: string): Promise<CommandResult> =>
  command(`/api/sessions/${encodeURIComponent(id)}/assignment-date`, { assignOn });
export const createDelegation = (body: { name: string; headDeputyId?: string }): Promise<CommandResult> => command('/api/delegations', body);
