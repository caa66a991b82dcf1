import { Card, Col, Row, Space, Statistic, Tag } from 'antd';
import type { DeputyArchive } from '../../../api/supervision-types';

const CATEGORY_COLORS: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'default' };

/** The deputy's figures: how many suggestions, how many answered, how satisfied they were. */
export function ArchiveOutcomes({ outcomes }: { outcomes: DeputyArchive['outcomes'] }) {
  const satisfied = outcomes.rated > 0 ? `${((outcomes.satisfied / outcomes.rated) * 100).toFixed(1)}%` : '—';
  const categories = Object.entries(outcomes.byCategory).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div data-testid="archive-outcomes">
      <Row gutter={[10, 10]}>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="archive-submitted" data-value={outcomes.submitted}>
            <Statistic
              title="提出建议"
              value={outcomes.submitted}
              suffix={<span className="muted small">件</span>}
            />
            <div className="muted small">
              领衔 {outcomes.led} · 附议 {outcomes.coSigned}
            </div>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="archive-answered" data-value={outcomes.answered}>
            <Statistic title="已获答复" value={outcomes.answered} suffix={<span className="muted small">件</span>} />
            <div className="muted small">
              {outcomes.submitted > 0 ? `占 ${((outcomes.answered / outcomes.submitted) * 100).toFixed(0)}%` : '尚无建议'}
            </div>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="archive-satisfaction" data-numerator={outcomes.satisfied} data-denominator={outcomes.rated}>
            <Statistic title="满意率" value={satisfied} suffix={<span className="muted small">{`${outcomes.satisfied}/${outcomes.rated}`}</span>} />
            <div className="muted small">满意与基本满意 / 已评价次数</div>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="archive-dissatisfied" data-value={outcomes.dissatisfied}>
            <Statistic title="不满意" value={outcomes.dissatisfied} suffix={<span className="muted small">次</span>} />
            <div className="muted small">不满意的将重新办理</div>
          </Card>
        </Col>
      </Row>
      <div className="archive-categories">
        <span className="muted small">答复类别（各承办单位最新答复）：</span>
        <Space wrap size={[4, 4]}>
          {categories.map(([code, count]) => (
            <Tag key={code} color={CATEGORY_COLORS[code] ?? 'default'} data-category={code} data-value={count}>
              {code} 类 {count} 件
            </Tag>
          ))}
        </Space>
      </div>
    </div>
  );
}
