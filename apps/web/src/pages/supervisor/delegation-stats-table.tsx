import { Table } from 'antd';
import type { DelegationStats, Rate } from '../../api/supervision-types';
import { RateText } from '../../components/rate-text';

const rateColumn = (title: string, pick: (d: DelegationStats) => Rate) => ({
  title,
  key: title,
  render: (_: unknown, d: DelegationStats) => <RateText rate={pick(d)} />,
});

/** Per 代表团: its suggestions (件) and how far they are, every rate with what it is out of. */
export function DelegationStatsTable({ delegations }: { delegations: DelegationStats[] }) {
  return (
    <Table<DelegationStats>
      rowKey={(d) => d.delegationId ?? ''}
      size="small"
      dataSource={delegations}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="delegation-stats"
      locale={{ emptyText: '本期间没有建议' }}
      columns={[
        { title: '代表团', key: 'name', fixed: 'left', render: (_: unknown, d) => d.delegationName ?? '未归属代表团' },
        { title: '建议（件）', key: 'suggestions', render: (_: unknown, d) => d.suggestions },
        { title: '其中代表团提出（件）', key: 'byDelegation', render: (_: unknown, d) => d.byDelegation },
        rateColumn('已交办（件）', (d) => d.assigned),
        rateColumn('已答复（件）', (d) => d.answered),
        {
          title: '当前逾期（件）',
          key: 'overdueNow',
          render: (_: unknown, d) => (d.overdueNow > 0 ? <span className="danger">{d.overdueNow}</span> : d.overdueNow),
        },
        rateColumn('满意率（次）', (d) => d.satisfactionRate),
      ]}
    />
  );
}
