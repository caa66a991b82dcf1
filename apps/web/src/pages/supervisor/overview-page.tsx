import { useState } from 'react';
import { PageTitle } from '../../components/page-title';
import { App, Button, Card, Col, DatePicker, Row, Space, Statistic } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/api-error';
import { downloadUnitStats, fetchOverview, fetchUnitStats } from '../../api/supervision-api';
import type { Rate } from '../../api/supervision-types';
import { LoadState } from '../../components/load-state';
import { percent } from '../../components/rate-text';
import { useLiveRefresh } from '../../live/live-context';
import { formatDateTime } from '../../lib/time';
import { useAsync } from '../../lib/use-async';
import { OverviewCharts } from './overview-charts';

import { UnitStatsTable } from './unit-stats-table';

function RateStatistic({ title, rate, testId }: { title: string; rate: Rate; testId: string }) {
  return (
    <div data-testid={testId} data-numerator={rate.numerator} data-denominator={rate.denominator}>
      <Statistic title={title} value={percent(rate)} suffix={<span className="muted small">{`${rate.numerator}/${rate.denominator}`}</span>} />
    </div>
  );
}

/** 大督办: how handling goes overall and per unit, with the figures behind every rate. */
export function OverviewPage() {
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const from = range?.[0].format('YYYY-MM-DD');
  const to = range?.[1].format('YYYY-MM-DD');
  const overview = useAsync(fetchOverview, []);
  const unitStats = useAsync(() => fetchUnitStats(from, to), [from, to]);
  useLiveRefresh(() => {
    overview.reload();
    unitStats.reload();
  });
  const [exporting, setExporting] = useState(false);

  const exportExcel = async () => {
    setExporting(true);
    try {
      await downloadUnitStats(from, to);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const stats = overview.data;
  const t = stats?.totals;
  return (
    <div className="page">
      <div className="page-head">
        <PageTitle>大督办</PageTitle>
        {stats && <span className="muted small">统计时间 {formatDateTime(stats.generatedAt)}</span>}
      </div>
      <LoadState loading={overview.loading} error={overview.error} hasData={!!overview.data} reload={overview.reload}>
        {t && (
          <Row gutter={[16, 16]} className="gap-bottom" data-testid="totals">
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <div data-testid="total-assigned" data-value={t.assigned}>
                  <Statistic title="已交办" value={t.assigned} />
                </div>
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <div data-testid="total-answered" data-value={t.answered}>
                  <Statistic title="已答复" value={t.answered} />
                </div>
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title="当前逾期" value={t.overdueNow} styles={{ content: { color: t.overdueNow ? '#cf1322' : undefined } }} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <RateStatistic title="按时答复率" rate={t.answeredOnTime} testId="total-on-time" />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <RateStatistic title="满意率" rate={t.satisfactionRate} testId="total-satisfaction" />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <RateStatistic title="承诺落实率" rate={t.commitments.fulfilmentRate} testId="total-fulfilment" />
              </Card>
            </Col>
          </Row>
        )}
        {stats && <OverviewCharts byStatus={stats.byStatus} totals={t} units={unitStats.data?.units} />}
      </LoadState>
      <Card
        title="各承办单位办理情况"
        extra={
          <Space wrap>
            <DatePicker.RangePicker
              value={range}
              onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
              placeholder={['开始日期', '结束日期']}
            />
            <Button icon={<DownloadOutlined />} onClick={exportExcel} loading={exporting} data-testid="export-excel">
              导出 Excel
            </Button>
          </Space>
        }
      >
        <LoadState loading={unitStats.loading} error={unitStats.error} hasData={!!unitStats.data} reload={unitStats.reload}>
          <UnitStatsTable units={unitStats.data?.units ?? []} />
        </LoadState>
      </Card>
    </div>
  );
}
