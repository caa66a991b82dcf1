import { download, request } from './client';
import type {
  CommitmentLedger,
  CommitmentStatus,
  DeputyArchive,
  DeputyCommitmentReport,
  Inbox,
  KeySupervisionReport,
  Overview,
  PublishedSuggestion,
  PublishedSuggestionList,
  UnitStatsReport,
} from './supervision-types';

export const fetchOverview = (): Promise<Overview> => request<Overview>('/api/stats/overview');

export const fetchUnitStats = (from?: string, to?: string): Promise<UnitStatsReport> =>
  request<UnitStatsReport>('/api/stats/units', { query: { from, to } });

export const downloadUnitStats = (from?: string, to?: string): Promise<void> =>
  download('/api/stats/units.xlsx', { from, to }, '承办单位办理情况统计.xlsx');

export const fetchKeySuggestions = (): Promise<KeySupervisionReport> => request<KeySupervisionReport>('/api/supervision/key');

export const fetchCommitments = (query: { status?: CommitmentStatus; unitId?: string } = {}): Promise<CommitmentLedger> =>
  request<CommitmentLedger>('/api/commitments', { query });

export const fetchInbox = (): Promise<Inbox> => request<Inbox>('/api/inbox');

export const markInboxRead = (id: string): Promise<unknown> =>
  request(`/api/inbox/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} });

export const fetchPublicSuggestions = (q?: string): Promise<PublishedSuggestionList> =>
  request<PublishedSuggestionList>('/api/public/suggestions', { anonymous: true, query: { q, pageSize: 100 } });

export const fetchPublicSuggestion = (id: string): Promise<PublishedSuggestion> =>
  request<PublishedSuggestion>(`/api/public/suggestions/${encodeURIComponent(id)}`, { anonymous: true });

export const fetchDeputyArchive = (deputyId: string): Promise<DeputyArchive> =>
  request<DeputyArchive>(`/api/deputies/${encodeURIComponent(deputyId)}/archive`);

export const fetchDeputyCommitments = (deputyId: string, year: number): Promise<DeputyCommitmentReport> =>
  request<DeputyCommitmentReport>(`/api/deputies/${encodeURIComponent(deputyId)}/commitments`, { query: { year } });
