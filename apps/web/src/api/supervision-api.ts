import { download, request } from './client';
import { periodLabel, periodQuery, type SupervisionPeriodFilter } from './supervision-period';
import type {
  CommitmentLedger,
  CommitmentStatus,
  DelegationStatsReport,
  DeputyArchive,
  DeputyCommitmentReport,
  Inbox,
  KeySupervisionReport,
  Overview,
  PublishedSuggestion,
  PublishedSuggestionList,
  UnitStatsReport,
} from './supervision-types';

export const fetchOverview = (period: SupervisionPeriodFilter): Promise<Overview> =>
  request<Overview>('/api/stats/overview', { query: periodQuery(period) });

export const fetchUnitStats = (period: SupervisionPeriodFilter): Promise<UnitStatsReport> =>
  request<UnitStatsReport>('/api/stats/units', { query: periodQuery(period) });

export const downloadUnitStats = (period: SupervisionPeriodFilter): Promise<void> =>
  download('/api/stats/units.xlsx', periodQuery(period), period.kind === 'all' ? '承办单位办理情况统计.xlsx' : `承办单位办理情况统计（${periodLabel(period)}）.xlsx`);

export const fetchDelegationStats = (period: SupervisionPeriodFilter): Promise<DelegationStatsReport> =>
  request<DelegationStatsReport>('/api/stats/delegations', { query: periodQuery(period) });

/** A session as the period selector offers it (`GET /api/sessions`, newest first there or here). */
export interface SessionOption {
  id: string;
  name: string;
  kind: 'congress' | 'recess';
  startsOn: string;
  endsOn?: string;
  closed: boolean;
}

export const fetchSessionOptions = (): Promise<SessionOption[]> => request<SessionOption[]>('/api/sessions');

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
