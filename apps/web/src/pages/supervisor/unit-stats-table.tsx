import { Table } from 'antd';
import type { Rate, UnitStats } from '../../api/supervision-types';
import { RateText } from '../../components/rate-text';

const rateColumn = (title: string, pick: (u: UnitStats) => Rate) => ({
  title,
  key: title,
  render: (_: unknown, u: UnitStats) => <RateText rate={pick(u)} />,
});

/** Per unit: every figure and every rate with its numerator and denominator. */
export function UnitStatsTable({ units }: { units: UnitStats[] }) {
  return (
    <Table<UnitStats>
      rowKey="unitId"
      size="small"
      dataSource={units}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="unit-stats"
      className="unit-stats-table"
      columns={[
        { title: '承办单位', key: 'unitName', fixed: 'left', render: (_: unknown, u) => u.unitName },
        { title: '交办（单位次）', key: 'assigned', render: (_: unknown, u) => u.assigned },
        { title: '已答复', key: 'answered', render: (_: unknown, u) => u.answered },
        rateColumn('按时答复率', (u) => u.answeredOnTime),
        {
          title: '当前逾期',
          key: 'overdueNow',
          render: (_: unknown, u) => (u.overdueNow > 0 ? <span className="danger">{u.overdueNow}</span> : u.overdueNow),
        },
        rateColumn('答复前联系率', (u) => u.contactRate),
        rateColumn('满意率', (u) => u.satisfactionRate),
        { title: '不满意', key: 'dissatisfied', render: (_: unknown, u) => u.dissatisfied },
        rateColumn('A 类', (u) => u.categories.A),
        rateColumn('B 类', (u) => u.categories.B),
        rateColumn('C 类', (u) => u.categories.C),
        rateColumn('D 类', (u) => u.categories.D),
        { title: '承诺', key: 'made', render: (_: unknown, u) => u.commitments.made },
        { title: '承诺逾期', key: 'cover', render: (_: unknown, u) => u.commitments.overdue },
        rateColumn('落实率', (u) => u.commitments.fulfilmentRate),
        { title: '重新办理', key: 'rehandlings', render: (_: unknown, u) => u.rehandlings },
      ]}
    />
  );
}
