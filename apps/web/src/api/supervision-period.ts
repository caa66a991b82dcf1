// The one period the 大督办 page (and its export) counts for, and how it goes into a query string.

/** Everything; one session (届次); one year; or a span of days (either end open). */
export type SupervisionPeriodFilter =
  | { kind: 'all' }
  | { kind: 'session'; sessionId: string; sessionName: string }
  | { kind: 'year'; year: number }
  | { kind: 'range'; from?: string; to?: string };

/** The query of every supervision endpoint: `sessionId`, `year` or `from`/`to`, never two kinds. */
export function periodQuery(period: SupervisionPeriodFilter): { sessionId?: string; year?: number; from?: string; to?: string } {
  switch (period.kind) {
    case 'all':
      return {};
    case 'session':
      return { sessionId: period.sessionId };
    case 'year':
      return { year: period.year };
    case 'range':
      return { ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) };
  }
}

/** The period in words, as the page's caption and the export's file name say it. */
export function periodLabel(period: SupervisionPeriodFilter): string {
  switch (period.kind) {
    case 'all':
      return '全部';
    case 'session':
      return period.sessionName;
    case 'year':
      return `${period.year} 年`;
    case 'range':
      return `${period.from ?? '最早'} 至 ${period.to ?? '今'}`;
  }
}

/** What each kind of period counts by (suggestions 件, unit assignments 单位次). */
export function periodBasis(period: SupervisionPeriodFilter): string {
  if (period.kind === 'all') return '全部建议（件）与全部交办（单位次）';
  if (period.kind === 'session') return '该届次的建议（件）及其交办（单位次）';
  return '建议按提交时间计件，单位办理情况按交办时间计单位次';
}
