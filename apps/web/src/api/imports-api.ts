import { NETWORK_ERROR_STATUS } from './api-error';
import { buildUrl, download, request } from './client';
import { toApiError } from './error-messages';
import { rememberPosition } from './read-your-writes';
import { currentToken } from './session';
import type { AssignmentMode } from './types';

/** One item of a batch answer: `status` is what the item's own request would have answered. */
export interface BatchItemResult {
  id: string;
  status: number;
  revision?: number;
  code?: string;
  message?: string;
}

export interface BatchResult {
  results: BatchItemResult[];
  position: string | null;
}

export interface AssignPlan {
  mode: AssignmentMode;
  unitIds: string[];
  leadUnitId?: string;
}

async function batch(path: string, body: unknown): Promise<BatchResult> {
  const result = await request<BatchResult>(path, { method: 'POST', body });
  rememberPosition(result.position);
  return result;
}

export const batchAccept = (ids: string[]): Promise<BatchResult> => batch('/api/suggestions/batch/accept', { ids });

/** One plan for all (`ids` + plan) or each item its own (`items`). */
export const batchAssign = (body: { ids: string[] } & AssignPlan | { items: ({ id: string } & AssignPlan)[] }): Promise<BatchResult> =>
  batch('/api/suggestions/batch/assign', body);

export type ImportKind = 'suggestions' | 'assignments';

export interface ImportRowError {
  row: number;
  column?: string;
  message: string;
}

export interface ImportReport {
  created: number;
  skipped: number;
  errors: ImportRowError[];
  rows: number;
  dryRun: boolean;
  position: string | null;
}

export interface ImportProgress {
  jobId: string;
  phase: 'reading' | 'checking' | 'writing' | 'done' | 'failed';
  total: number;
  done: number;
  created: number;
  skipped: number;
  refused: number;
}

export interface SessionOption {
  id: string;
  name: string;
  kind: 'congress' | 'recess';
  closed?: boolean;
}

export const fetchSessions = (): Promise<SessionOption[]> => request<SessionOption[]>('/api/sessions');

export const downloadTemplate = (kind: ImportKind): Promise<void> =>
  download(`/api/imports/${kind}/template.xlsx`, {}, kind === 'suggestions' ? '代表建议导入模板.xlsx' : '交办方案导入模板.xlsx');

export const fetchImportProgress = (jobId: string): Promise<ImportProgress> => request<ImportProgress>(`/api/imports/jobs/${encodeURIComponent(jobId)}`);

/** Uploads the sheet as multipart field `file`; the job id lets the page poll the progress meanwhile. */
export async function uploadImport(kind: ImportKind, file: File, query: { sessionId?: string; dryRun: boolean; jobId: string }): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch(buildUrl(`/api/imports/${kind}`, { ...query, dryRun: query.dryRun ? 'true' : undefined }), {
      method: 'POST',
      headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: form,
    });
  } catch {
    throw toApiError(NETWORK_ERROR_STATUS, null);
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!response.ok) throw toApiError(response.status, body);
  const report = body as ImportReport;
  rememberPosition(report.position);
  return report;
}
