import { useState } from 'react';
import { PageTitle } from '../../../components/page-title';
import { Select, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useUser } from '../../../auth/auth-context';
import { fetchDeputyArchive, fetchDeputyCommitments } from '../../../api/supervision-api';
import { LoadState } from '../../../components/load-state';
import { SuggestionList } from '../../../components/suggestion-list';
import { useLiveRefresh } from '../../../live/live-context';
import { inShanghai } from '../../../lib/time';
import { useAsync } from '../../../lib/use-async';
import { suggestionPathFor } from '../../../lib/suggestion-path';
import { ArchiveCommitments } from './archive-commitments';
import { ArchiveOutcomes } from './archive-outcomes';

/** The years a deputy can look back on: a term of office is five years. */
function recentYears(): number[] {
  const year = inShanghai(new Date()).year();
  return [0, 1, 2, 3, 4].map((back) => year - back);
}

/**
 * 履职档案: every suggestion the deputy led or co-signed, what came of them, and the units' promises.
 * A deputy sees their own (`/deputy/archive`); staff and supervisors open anyone's (`/deputies/:deputyId/archive`).
 */
export function DeputyArchivePage() {
  const user = useUser();
  const { deputyId: routeDeputyId } = useParams();
  const deputyId = routeDeputyId ?? user.id;
  const years = recentYears();
  const [year, setYear] = useState(years[0]!);
  const archive = useAsync(() => fetchDeputyArchive(deputyId), [deputyId]);
  const commitments = useAsync(() => fetchDeputyCommitments(deputyId, year), [deputyId, year]);
  useLiveRefresh(() => {
    archive.reload();
    commitments.reload();
  });
  // Newest first, as on 我的建议.
  const suggestions = [...(archive.data?.suggestions ?? [])].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));

  return (
    <div className="page narrow-page" data-testid="deputy-archive">
      <div className="page-head">
        <PageTitle>履职档案</PageTitle>
        {archive.data?.deputy && (
          <span className="muted small" data-testid="archive-deputy">
            代表 {archive.data.deputy.displayName}
          </span>
        )}
        {routeDeputyId !== undefined && (
          <Link to="/deputies" className="small">
            返回代表名录
          </Link>
        )}
      </div>
      <LoadState loading={archive.loading} error={archive.error} hasData={!!archive.data} reload={archive.reload}>
        {archive.data && <ArchiveOutcomes outcomes={archive.data.outcomes} />}
      </LoadState>

      <div className="page-head section-head">
        <Typography.Title level={2}>承诺事项跟踪</Typography.Title>
        <Select
          aria-label="年度"
          data-testid="commitment-year"
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          className="year-select"
        />
      </div>
      <LoadState loading={commitments.loading} error={commitments.error} hasData={!!commitments.data} reload={commitments.reload}>
        {commitments.data && <ArchiveCommitments report={commitments.data} />}
      </LoadState>

      <Typography.Title level={2} className="section-head">
        领衔与附议的建议
      </Typography.Title>
      <LoadState loading={archive.loading} error={archive.error} hasData={!!archive.data} reload={archive.reload}>
        <SuggestionList
          items={suggestions}
          loading={archive.loading}
          linkTo={(id) => suggestionPathFor(user.role, id)}
          emptyText="尚未提出或附议建议"
          viewerDeputyId={deputyId}
        />
      </LoadState>
    </div>
  );
}
