import { Table } from 'antd';
import { Link } from 'react-router-dom';
import { fetchCommitments } from '../../api/supervision-api';
import type { CommitmentItem } from '../../api/supervision-types';
import { DueBadge } from '../../components/due-badge';
import { LoadState } from '../../components/load-state';
import { useDirectory } from '../../layout/directory-context';
import { useLiveRefresh } from '../../live/live-context';
import { useAsync } from '../../lib/use-async';

export function OverdueCommitments() {
  const { unitName } = useDirectory();
  const ledger = useAsync(() => fetchCommitments({ status: 'overdue' }), []);
  useLiveRefresh(ledger.reload);
  return (
    <LoadState loading={ledger.loading} error={ledger.error} hasData={!!ledger.data} reload={ledger.reload}>
      <Table<CommitmentItem>
        rowKey={(r) => `${r.suggestionId}/${r.commitmentId}`}
        size="small"
        dataSource={ledger.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ hideOnSinglePage: true }}
        locale={{ emptyText: '没有逾期未落实的承诺事项' }}
        columns={[
          { title: '建议', key: 'title', render: (_: unknown, r) => <Link to={`/supervisor/suggestions/${r.suggestionId}`}>{r.title}</Link> },
          { title: '单位', key: 'unitId', render: (_: unknown, r) => unitName(r.unitId) },
          { title: '承诺事项', key: 'description', render: (_: unknown, r) => r.description },
          { title: '期限', key: 'dueAt', render: (_: unknown, r) => <DueBadge dueAt={r.dueAt} overdue /> },
        ]}
      />
    </LoadState>
  );
}
