import { Table } from 'antd';
import { Link } from 'react-router-dom';
import { fetchCommitments } from '../../api/supervision-api';
import type { CommitmentRow } from '../../api/supervision-types';
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
    <LoadState loading={ledger.loading} error={ledger.error} hasData={!!ledger.data} reload={ledger.reload} feature="承诺事项台账">
      <Table<CommitmentRow>
        rowKey={(r) => `${r.suggestionId}/${r.commitmentId}`}
        size="small"
        dataSource={ledger.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ hideOnSinglePage: true }}
        locale={{ emptyText: '没有逾期未落实的承诺事项' }}
        columns={[
          { title: '建议', dataIndex: 'title', render: (t: string, r) => <Link to={`/supervisor/suggestions/${r.suggestionId}`}>{t}</Link> },
          { title: '单位', dataIndex: 'unitId', render: (id: string) => unitName(id) },
          { title: '承诺事项', dataIndex: 'description' },
          { title: '期限', dataIndex: 'dueAt', render: (d: string) => <DueBadge dueAt={d} overdue /> },
        ]}
      />
    </LoadState>
  );
}
