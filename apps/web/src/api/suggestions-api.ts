import { download, request } from './client';
import { uploadAttachment } from './attachments-api';
import { rememberPosition } from './read-your-writes';
import type {
  AssignmentMode,
  CommandResult,
  CommitmentInput,
  ListFilter,
  Satisfaction,
  SuggestionDetail,
  SuggestionList,
  SuggestionListItem,
  SuggestionStatus,
  TimelineEntry,
} from './types';
import type { ExemptionReason } from './supervision-types';
import type { SuggestionAction } from '@duban/domain';

/** The api serves at most this many items a page. */
export const PAGE_SIZE_MAX = 100;

export const listSuggestions = (filter: ListFilter = {}): Promise<SuggestionList> =>
  request<SuggestionList>('/api/suggestions', { query: { pageSize: PAGE_SIZE_MAX, ...filter } });

/** A list query as the address bar and the filters build it (statuses comma-separated). */
export type ListParams = Record<string, string | number | boolean | undefined>;

/** One page of a list the server sorts and filters. */
export const listPage = (params: ListParams): Promise<SuggestionList> => request<SuggestionList>('/api/suggestions', { query: params });

/** The same list as an Excel file: every matching row, not only the page shown. */
export const downloadSuggestions = (params: ListParams): Promise<void> => {
  const { page: _page, pageSize: _size, ...filters } = params;
  return download('/api/suggestions.xlsx', filters, '建议列表.xlsx');
};

/**
 * Pages through a filtered list up to `max` items (`total` still counts all), for views that sort
 * or group on the client. Filters should keep lists this size; beyond it the page says so.
 */
export async function listUpTo(filter: Omit<ListFilter, 'page' | 'pageSize'>, max = 300): Promise<SuggestionList> {
  const items: SuggestionListItem[] = [];
  let total = 0;
  for (let page = 1; items.length < max; page += 1) {
    const result = await listSuggestions({ ...filter, page, pageSize: PAGE_SIZE_MAX });
    total = result.total;
    items.push(...result.items);
    if (result.items.length < PAGE_SIZE_MAX || items.length >= total) break;
  }
  return { items: items.slice(0, max), total };
}

/** Several statuses merged (the api filters one status at a time). */
export async function listStatuses(
  statuses: SuggestionStatus[],
  filter: Omit<ListFilter, 'page' | 'pageSize' | 'status'> = {},
): Promise<SuggestionList> {
  const pages = await Promise.all(statuses.map((status) => listUpTo({ ...filter, status })));
  return { items: pages.flatMap((p) => p.items), total: pages.reduce((sum, p) => sum + p.total, 0) };
}

/** How many suggestions have each status (one tiny query per status). */
export async function countStatuses(statuses: SuggestionStatus[], filter: Omit<ListFilter, 'page' | 'pageSize' | 'status'> = {}) {
  const totals = await Promise.all(statuses.map((status) => listSuggestions({ ...filter, status, pageSize: 1 }).then((p) => p.total)));
  return Object.fromEntries(statuses.map((s, i) => [s, totals[i]])) as Partial<Record<SuggestionStatus, number>>;
}

export const fetchSuggestion = (id: string): Promise<SuggestionDetail> =>
  request<SuggestionDetail>(`/api/suggestions/${encodeURIComponent(id)}`);

export const fetchTimeline = (id: string): Promise<TimelineEntry[]> =>
  request<TimelineEntry[]>(`/api/suggestions/${encodeURIComponent(id)}/timeline`);

/** The stored history's hash chain, verified by the api (staff, supervisors, admins). */
export interface AuditChain {
  streamId: string;
  verdict: 'intact' | 'broken';
  events: { revision: number; type: string; hash: string | null; prevHash: string | null }[];
  brokenAt?: { revision: number; code: string; reason: string };
}

export const fetchAuditChain = (id: string): Promise<AuditChain> =>
  request<AuditChain>(`/api/suggestions/${encodeURIComponent(id)}/audit`);

async function command(id: string, name: string, body: object, revision?: number): Promise<CommandResult> {
  const result = await request<CommandResult>(`/api/suggestions/${encodeURIComponent(id)}/${name}`, {
    method: 'POST',
    body,
    ifMatch: revision,
  });
  rememberPosition(result?.position);
  return result;
}

export async function submitSuggestion(body: {
  title: string;
  content: string;
  coSignerIds: string[];
  hideDeputyName?: boolean;
}): Promise<CommandResult> {
  const result = await request<CommandResult>('/api/suggestions', { method: 'POST', body });
  rememberPosition(result?.position);
  return result;
}

/**
 * Every command the pages send. `revision` is the revision the user was looking at: the api answers
 * 412 if someone changed the suggestion meanwhile, so nobody acts on a stale screen.
 */
export const commands = {
  accept: (id: string, revision?: number) => command(id, 'accept', {}, revision),
  reject: (id: string, reason: string, revision?: number) => command(id, 'reject', { reason }, revision),
  assign: (id: string, body: { mode: AssignmentMode; unitIds: string[]; leadUnitId?: string }, revision?: number) =>
    command(id, 'assign', body, revision),
  requestReturn: (id: string, reason: string, revision?: number) => command(id, 'request-return', { reason }, revision),
  decideReturn: (id: string, approve: boolean, reason: string | undefined, revision?: number) =>
    command(id, 'decide-return', reason ? { approve, reason } : { approve }, revision),
  transfer: (id: string, body: { fromUnitId: string; toUnitId: string; reason: string }, revision?: number) =>
    command(id, 'transfer', body, revision),
  contact: (id: string, body: { method: string; summary: string }, revision?: number) => command(id, 'contact', body, revision),
  coOpinion: (id: string, content: string, revision?: number) => command(id, 'co-opinion', { content }, revision),
  requestExtension: (id: string, body: { reason: string; until: string }, revision?: number) =>
    command(id, 'request-extension', body, revision),
  decideExtension: (id: string, approve: boolean, reason: string | undefined, revision?: number) =>
    command(id, 'decide-extension', reason ? { approve, reason } : { approve }, revision),
  supervise: (id: string, body: { supervisorId: string; leaderName?: string }, revision?: number) =>
    command(id, 'supervise', body, revision),
  urge: (id: string, note: string, revision?: number) => command(id, 'urge', { note }, revision),
  answer: (
    id: string,
    body: { category: string; content: string; signedBy: string; commitments: CommitmentInput[]; attachmentIds?: string[] },
    revision?: number,
  ) => command(id, 'answer', body, revision),
  rate: (
    id: string,
    body: { attitude: Satisfaction; result: Satisfaction; reason?: string; unitId?: string },
    revision?: number,
  ) => command(id, 'rate', body, revision),
  fulfilCommitment: (id: string, body: { commitmentId: string; evidence: string }, revision?: number) =>
    command(id, 'fulfil-commitment', body, revision),
  rateCommitments: (id: string, body: { rating: Satisfaction; reason?: string; unitId?: string }, revision?: number) =>
    command(id, 'rate-commitments', body, revision),
  rehandle: (id: string, body: { reason: string; unitId?: string }, revision?: number) => command(id, 'rehandle', body, revision),
  withdraw: (id: string, reason: string, revision?: number) => command(id, 'withdraw', { reason }, revision),
  close: (id: string, revision?: number) => command(id, 'close', {}, revision),
  publish: (id: string, revision?: number) => command(id, 'publish', {}, revision),
  exempt: (id: string, body: { reason: ExemptionReason; note?: string }, revision?: number) =>
    command(id, 'exempt', body, revision),
  // Multipart, with progress: the uploaded file's id is what an answer's attachmentIds names.
  attachments: (id: string, file: File, onProgress?: (percent: number) => void) => uploadAttachment(id, file, onProgress),
  // Sent by the page itself when the lead deputy views the answers (送达), never by a button.
  acknowledgeAnswer: (id: string) => command(id, 'acknowledge-answer', {}),
  // One sender per action the server can allow: a new action does not compile until it has one.
} satisfies Record<SuggestionAction, (id: string, ...rest: never[]) => Promise<CommandResult>>;
