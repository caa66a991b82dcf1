import { Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { KeySuggestionItem, KeySupervisionReport, Rate } from '../../api/supervision-types';
import { DueBadge } from '../../components/due-badge';
import { percent } from '../../components/rate-text';
import { StatusTag } from '../../components/status-tag';
import { useDirectory } from '../../layout/directory-context';
import { UrgeAction } from './supervision-actions';

function Coverage({ title, rate }: { title: string; rate: Rate }) {
  return (
    <Card size="small">
      <Statistic title={title} value={percent(rate)} suffix={<span className="muted small">{`${rate.numerator}/${rate.denominator}`}</span>} />
    </Card>
  );
}

/** Coverage of both roles (两个全覆盖) and every key suggestion with its urges. */
export function KeyReportView({ report, onChange }: { report: KeySupervisionReport; onChange: () => void }) {
  const { unitName } = useDirectory();
  return (
    <>
      <Row gutter={[16, 16]} className="gap-bottom">
        <Col xs={24} md={8}>
          <Coverage title="两个全覆盖（督办人 + 领办领导）" rate={report.coverage.both} />
        </Col>
        <Col xs={12} md={8}>
          <Coverage title="已明确督办人" rate={report.coverage.supervisor} />
        </Col>
        <Col xs={12} md={8}>
          <Coverage title="已明确领办领导" rate={report.coverage.leader} />
        </Col>
      </Row>
      <Table<KeySuggestionItem>
        rowKey="id"
        dataSource={report.items}
        scroll={{ x: 'max-content' }}
        pagination={{ hideOnSinglePage: true }}
        locale={{ emptyText: '尚无重点督办建议' }}
        columns={[
          { title: '标题', key: 'title', render: (_: unknown, r) => <Link to={`/supervisor/suggestions/${r.id}`}>{r.title}</Link> },
          {
            title: '状态',
            key: 'status',
            render: (_: unknown, r) => (
              <>
                <StatusTag status={r.status} />
                {r.escalated && <Tag color="red">提级督办</Tag>}
              </>
            ),
          },
          { title: '督办人', key: 'sup', render: (_: unknown, r) => r.supervisorName ?? r.supervisorId ?? <Tag color="red">未明确</Tag> },
          { title: '领办领导', key: 'leaderName', render: (_: unknown, r) => r.leaderName ?? <Tag color="red">未明确</Tag> },
          { title: '承办单位', key: 'unitIds', render: (_: unknown, r) => r.unitIds.map(unitName).join('、') || '—' },
          { title: '期限', key: 'due', render: (_: unknown, r) => <DueBadge dueAt={r.dueAt} overdue={r.overdue} /> },
          { title: '催办次数', key: 'urgeCount', render: (_: unknown, r) => r.urgeCount },
          { title: '操作', key: 'urge', render: (_: unknown, r) => <UrgeAction id={r.id} onDone={onChange} small /> },
        ]}
      />
    </>
  );
}

