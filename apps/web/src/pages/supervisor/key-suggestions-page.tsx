import { PageTitle } from '../../components/page-title';
import { fetchKeySuggestions } from '../../api/supervision-api';
import { LoadState } from '../../components/load-state';
import { useLiveRefresh } from '../../live/live-context';
import { useAsync } from '../../lib/use-async';
import { KeyReportView } from './key-report-view';

/** 重点督办: key suggestions, whether each has a supervisor and a leading official (两个全覆盖), urging. */
export function KeySuggestionsPage() {
  const report = useAsync(fetchKeySuggestions, []);
  useLiveRefresh(report.reload);
  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>重点督办</PageTitle>
        <span className="muted small">在“过程审计”中打开任一建议，可将其列为重点督办</span>
      </div>
      <LoadState loading={report.loading} error={report.error} hasData={!!report.data} reload={report.reload}>
        {report.data && <KeyReportView report={report.data} onChange={report.reload} />}
      </LoadState>
    </div>
  );
}
