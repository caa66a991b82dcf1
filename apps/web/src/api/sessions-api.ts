import { request } from './client';
import { afterParam, rememberPosition } from './read-your-writes';
import type { CommandResult } from './types';

/** A session (届次/会次) as `GET /api/sessions` lists it. */
export interface SessionRow {
  id: string;
  name: string;
  kind: 'congress' | 'recess';
  startsOn: string;
  endsOn?: string;
  closed: boolean;
  assignOn?: string;
}

export interface DelegationRow {
  id: string;
  name: string;
  headDeputyId?: string;
}

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
