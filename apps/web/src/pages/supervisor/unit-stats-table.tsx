import { Table, Tooltip } from 'antd';
import type { AnswerCategoryLegend, Rate, UnitStats } from '../../api/supervision-types';
import { RateText } from '../../components/rate-text';

const rateColumn = (title: React.ReactNode, pick: (u: UnitStats) => Rate, key = String(title)) => ({
  title,
  key,
  render: (_: unknown, u: UnitStats) => <RateText rate={pick(u)} />,
});

/**
 * Per unit: every figure and every rate with its numerator and denominator; one column per answer
 * category of the rulebook in force (河南: A–E), its label on the heading.
 */
export function UnitStatsTable({ units, categories }: { units: UnitStats[]; categories: AnswerCategoryLegend[] }) {
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
        ...categories.map((c) =>
          rateColumn(
            <Tooltip title={c.label}>
              <span data-category={c.code} aria-label={`${c.code} 类：${c.label}`}>{`${c.code} 类`}</span>
            </Tooltip>,
            (u) => u.byCategory?.[c.code] ?? { numerator: 0, denominator: u.answered, value: null },
            `category-${c.code}`,
          ),
        ),
        { title: '承诺', key: 'made', render: (_: unknown, u) => u.commitments.made },
        { title: '承诺逾期', key: 'cover', render: (_: unknown, u) => u.commitments.overdue },
        rateColumn('落实率', (u) => u.commitments.fulfilmentRate),
        { title: '重新办理', key: 'rehandlings', render: (_: unknown, u) => u.rehandlings },
      ]}
    />
  );
}
