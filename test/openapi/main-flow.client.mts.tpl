// A template, compiled (never run) by generated-client-compiles.e2e-spec.ts next to the types it
// generates from the served document (not part of the project build: those types exist only there):
// the main flow an integrator writes, with no cast, under --strict.
import createClient from 'openapi-fetch';
import type { paths } from './api.js';

export async function mainFlow(baseUrl: string): Promise<string> {
  const api = createClient<paths>({ baseUrl });
  const login = await api.POST('/api/auth/login', { body: { username: 'deputy1', password: 'secret-password' } });
  if (login.error) return login.error.code;
  const token: string = login.data.accessToken;
  const headers = { Authorization: `Bearer ${token}` };
  const submitted = await api.POST('/api/suggestions', { headers, body: { title: '增开公交线路', content: '建议增开。' } });
  if (submitted.error) return `${submitted.error.code}: ${submitted.error.message}`;
  const id: string = submitted.data.id;
  const accepted = await api.POST('/api/suggestions/{id}/accept', { params: { path: { id }, header: { 'If-Match': `"${submitted.data.revision}"` } }, headers, body: {} });
  if (accepted.error) return accepted.error.currentRevision === undefined ? accepted.error.code : `stale: ${accepted.error.currentRevision}`;
  const detail = await api.GET('/api/suggestions/{id}', { params: { path: { id }, query: { after: accepted.data.position } }, headers });
  if (detail.error) return detail.error.code;
  const status: string = detail.data.status;
  const revision: number = detail.data.revision;
  const list = await api.GET('/api/suggestions', { params: { query: { pageSize: 20 } }, headers });
  if (list.error) return list.error.code;
  const titles: string[] = list.data.items.map((item) => item.title);
  return `${status} ${revision} ${titles.join(',')}`;
}
