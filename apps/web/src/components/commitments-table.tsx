import type { ReactNode } from 'react';
import { Card, Grid, Table, Tag } from 'antd';
import type { Commitment, DueView } from '../api/types';
import { useDirectory } from '../layout/directory-context';
import { formatDateTime } from '../lib/time';
import { DueBadge, levelOf } from './due-badge';

function Fulfilment({ c, due }: { c: Commitment; due?: DueView | null }) {
  if (!c.fulfilledAt) return <DueBadge dueAt={c.dueAt} level={levelOf(c.dueAt, due)} prefix="期限 " />;
  return (
    <span>
      <Tag color="green">已落实</Tag>
      <span className="muted small">{formatDateTime(c.fulfilledAt)}</span>
      {c.evidence && <div className="small">{c.evidence}</div>}
    </span>
  );
}

/** The commitments ledger of one suggestion (承诺事项台账); cards on phones. */
export function CommitmentsTable({
  commitments,
  action,
  due,
}: {
  commitments: Commitment[];
  action?: (commitment: Commitment) => ReactNode;
  /** The caller's next deadline from the server: it colours the commitment due at that instant. */
  due?: DueView | null;
}) {
  const { unitName } = useDirectory();
  const screens = Grid.useBreakpoint();
  if (commitments.length === 0) return null;
  if (!screens.md) {
    return (
      <div className="card-list" data-testid="commitments">
        {commitments.map((c) => (
          <Card key={c.commitmentId} size="small">
            <div className="card-title">
              {c.commitmentId} {c.description}
            </div>
            <div className="muted small card-meta">{unitName(c.unitId)}</div>
            <Fulfilment c={c} due={due} />
            {action?.(c)}
          </Card>
        ))}
      </div>
    );
  }
  return (
    <Table<Commitment>
      size="small"
      rowKey="commitmentId"
      pagination={false}
      dataSource={commitments}
      scroll={{ x: 'max-content' }}
      data-testid="commitments"
      columns={[
        { title: '编号', key: 'commitmentId', width: 60, render: (_: unknown, c) => c.commitmentId },
        { title: '承诺事项', key: 'description', render: (_: unknown, c) => c.description },
        { title: '单位', key: 'unitId', render: (_: unknown, c) => unitName(c.unitId) },
        { title: '落实情况', key: 'status', render: (_: unknown, c) => <Fulfilment c={c} due={due} /> },
        ...(action ? [{ title: '操作', key: 'action', render: (_: unknown, c: Commitment) => action(c) }] : []),
      ]}
    />
  );
}
