import { Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { fetchCommitments } from '../../api/supervision-api';
import type { CommitmentItem } from '../../api/supervision-types';
import { DueBadge } from '../../components/due-badge';
import { LoadState } from '../../components/load-state';
import { useLiveRefresh } from '../../live/live-context';
import { useAsync } from '../../lib/use-async';
import { formatDateTime } from '../../lib/time';

/** The unit's commitments ledger (承诺事项台账): what it promised, by when, and what is done. */
export function UnitCommitments({ unitId }: { unitId?: string }) {
  const ledger = useAsync(() => fetchCommitments({ unitId }), [unitId]);
  useLiveRefresh(ledger.reload);
  return (
    <LoadState loading={ledger.loading} error={ledger.error} hasData={!!ledger.data} reload={ledger.reload}>
      <Table<CommitmentItem>
        rowKey={(r) => `${r.suggestionId}/${r.commitmentId}`}
        size="middle"
        dataSource={ledger.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ hideOnSinglePage: true }}
        locale={{ emptyText: '暂无承诺事项' }}
        columns={[
          {
            title: '建议',
            key: 'title',
            render: (_: unknown, r) => <Link to={`/unit/suggestions/${r.suggestionId}`}>{r.title}</Link>,
          },
          { title: '承诺事项', key: 'description', render: (_: unknown, r) => r.description },
          {
            title: '落实情况',
            key: 'status',
            render: (_: unknown, r) =>
              r.status === 'fulfilled' ? (
                <Tag color="green">已落实 {formatDateTime(r.fulfilledAt)}</Tag>
              ) : (
                <DueBadge dueAt={r.dueAt} overdue={r.status === 'overdue'} prefix="期限 " />
              ),
          },
        ]}
      />
    </LoadState>
  );
}
