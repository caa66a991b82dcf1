import { Card, Empty, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { CommitmentItem, DeputyCommitmentReport } from '../../../api/supervision-types';
import { DueBadge } from '../../../components/due-badge';
import { percent } from '../../../components/rate-text';
import { assertNever } from '../../../lib/assert-never';
import { formatDateTime } from '../../../lib/time';

function CommitmentState({ item }: { item: CommitmentItem }) {
  switch (item.status) {
    case 'fulfilled':
      return <Tag color="green">已落实 {formatDateTime(item.fulfilledAt)}</Tag>;
    case 'open':
    case 'overdue':
      return <DueBadge dueAt={item.dueAt} overdue={item.status === 'overdue'} prefix="期限 " />;
    default:
      return assertNever(item.status, 'commitment status');
  }
}

/**
 * 承诺事项年度跟踪: what the units promised on this year's suggestions and whether they kept it.
 * Cards, not a table: deputies read this on a phone.
 */
export function ArchiveCommitments({ report }: { report: DeputyCommitmentReport }) {
  const { counts } = report;
  return (
    <div data-testid="deputy-commitments" data-year={report.year}>
      <div className="muted small gap-bottom-small">
        {report.year} 年共 {counts.made} 项，已落实 {counts.fulfilled} 项，未落实 {counts.open} 项（其中逾期 {counts.overdue} 项），落实率{' '}
        {percent(report.fulfilmentRate)}
      </div>
      {report.items.length === 0 ? (
        <Empty description={`${report.year} 年提出的建议暂无承诺事项`} />
      ) : (
        <div className="card-list">
          {report.items.map((item) => (
            <Card
              size="small"
              key={`${item.suggestionId}/${item.commitmentId}`}
              data-commitment-id={item.commitmentId}
              data-commitment-status={item.status}
            >
              <div className="card-title">{item.description}</div>
              <Space wrap size={[4, 4]}>
                <CommitmentState item={item} />
                <span className="muted small">{item.unitName}</span>
              </Space>
              {item.evidence && <div className="small card-meta">落实情况：{item.evidence}</div>}
              <div className="muted small card-meta">
                建议：<Link to={`/deputy/suggestions/${item.suggestionId}`}>{item.title}</Link>
              </div>
            </Card>
          ))}
        </div>
      )}
    </div>
  );
}
