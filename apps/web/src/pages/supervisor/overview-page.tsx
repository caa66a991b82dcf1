import { useState, type ReactNode } from 'react';
import { PageTitle } from '../../components/page-title';
import { Alert, App, Button, Card, Col, Row, Space, Statistic } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/api-error';
import { downloadUnitStats, fetchDelegationStats, fetchOverview, fetchUnitStats } from '../../api/supervision-api';
import { periodBasis, periodLabel, type SupervisionPeriodFilter } from '../../api/supervision-period';
import type { Rate } from '../../api/supervision-types';
import { LoadState } from '../../components/load-state';
import { percent } from '../../components/rate-text';
import { useLiveRefresh } from '../../live/live-context';
import { formatDateTime } from '../../lib/time';
import { useAsync } from '../../lib/use-async';
import { OverviewCharts } from './overview-charts';
import { PeriodSelector } from './period-selector';
import { DelegationStatsTable } from './delegation-stats-table';
import { UnitStatsTable } from './unit-stats-table';

/** One card: a figure, what it counts, and what it is out of. */
function Figure({ title, children, note, testId, data }: { title: string; children: ReactNode; note: string; testId: string; data: Record<string, number> }) {
  const attributes = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v]));
  return (
    <Col xs={12} md={8} xl={6} xxl={3}>
      <Card size="small" className="figure-card">
        <div data-testid={testId} {...attributes}>
          <div className="muted small">{title}</div>
          {children}
          <div className="muted small">{note}</div>
        </div>
      </Card>
    </Col>
  );
}

function RateValue({ rate, unit }: { rate: Rate; unit: string }) {
  return <Statistic value={percent(rate)} suffix={<span className="muted small">{`${rate.numerator}/${rate.denominator} ${unit}`}</span>} />;
}

/** 大督办: how handling goes overall and per unit, every figure for the one period chosen at the top. */
export function OverviewPage() {
  const { message } = App.useApp();
  const [period, setPeriod] = useState<SupervisionPeriodFilter>({ kind: 'all' });
  // A session not chosen yet has no figures: nothing is asked for until it is.
  const ready = period.kind !== 'session' || period.sessionId !== '';
  const key = JSON.stringify(period);
  const overview = useAsync(() => (ready ? fetchOverview(period) : Promise.resolve(null)), [key]);
  const unitStats = useAsync(() => (ready ? fetchUnitStats(period) : Promise.resolve(null)), [key]);
  const delegationStats = useAsync(() => (ready ? fetchDelegationStats(period) : Promise.resolve(null)), [key]);
  useLiveRefresh(() => {
    overview.reload();
    unitStats.reload();
    delegationStats.reload();
  });
  const [exporting, setExporting] = useState(false);

  const exportExcel = async () => {
    setExporting(true);
    try {
      await downloadUnitStats(period);
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
      <Card size="small" className="gap-bottom">
        <Space direction="vertical" size={4}>
          <PeriodSelector value={period} onChange={setPeriod} />
          <span className="small" data-testid="period-caption" data-kind={period.kind} data-label={ready ? periodLabel(period) : ''}>
            统计期间：<strong>{ready ? periodLabel(period) : '未选择届次'}</strong>。本页全部数字均为该期间：{periodBasis(period)}。
            一件建议交办给两个单位计 2 单位次；因退回结束且未答复的交办不计。
          </span>
        </Space>
      </Card>
      {!ready && <Alert type="info" showIcon message="请选择届次" className="gap-bottom" />}
      {ready && (
        <LoadState loading={overview.loading} error={overview.error} hasData={!!overview.data} reload={overview.reload}>
          {stats && t && (
            <Row gutter={[16, 16]} className="gap-bottom" data-testid="totals">
              <Figure title="建议" note="期间内的建议（件）" testId="total-suggestions" data={{ value: stats.suggestions }}>
                <Statistic value={stats.suggestions} suffix="件" />
              </Figure>
              <Figure
                title="已交办"
                note={`涉及 ${t.assigned} 单位次`}
                testId="total-assigned"
                data={{ value: stats.assignedSuggestions, of: stats.suggestions, pairs: t.assigned }}
              >
                <Statistic value={stats.assignedSuggestions} suffix={<span className="muted small">{`件 / ${stats.suggestions} 件`}</span>} />
              </Figure>
              <Figure title="已答复" note={`主办、单独承办单位的首次答复，共交办 ${t.assigned} 单位次`} testId="total-answered" data={{ value: t.answered }}>
                <Statistic value={t.answered} suffix="单位次" />
              </Figure>
              <Figure title="当前逾期未答复" note="应答复、已过期限（单位次）" testId="total-overdue" data={{ value: t.overdueNow }}>
                <Statistic value={t.overdueNow} suffix="单位次" styles={{ content: { color: t.overdueNow ? '#cf1322' : undefined } }} />
              </Figure>
              <Figure
                title="按时答复率"
                note="按时答复 / 已答复（单位次）"
                testId="total-on-time"
                data={{ numerator: t.answeredOnTime.numerator, denominator: t.answeredOnTime.denominator }}
              >
                <RateValue rate={t.answeredOnTime} unit="单位次" />
              </Figure>
              <Figure
                title="满意率"
                note="满意与基本满意 / 已评价（次）"
                testId="total-satisfaction"
                data={{ numerator: t.satisfactionRate.numerator, denominator: t.satisfactionRate.denominator }}
              >
                <RateValue rate={t.satisfactionRate} unit="次" />
              </Figure>
              <Figure
                title="承诺落实率"
                note="已落实 / 承诺事项（项）"
                testId="total-fulfilment"
                data={{ numerator: t.commitments.fulfilmentRate.numerator, denominator: t.commitments.fulfilmentRate.denominator }}
              >
                <RateValue rate={t.commitments.fulfilmentRate} unit="项" />
              </Figure>
            </Row>
          )}
          {stats && <OverviewCharts byStatus={stats.byStatus} totals={t} units={unitStats.data?.units} categories={stats.answerCategories ?? []} />}
        </LoadState>
      )}
      <Card
        title="各承办单位办理情况（单位次）"
        extra={
          <Button icon={<DownloadOutlined />} onClick={exportExcel} loading={exporting} disabled={!ready} data-testid="export-excel">
            导出 Excel
          </Button>
        }
      >
        {ready && (
          <LoadState loading={unitStats.loading} error={unitStats.error} hasData={!!unitStats.data} reload={unitStats.reload}>
            <UnitStatsTable units={unitStats.data?.units ?? []} categories={unitStats.data?.answerCategories ?? []} />
          </LoadState>
        )}
      </Card>
      <Card title="各代表团建议办理情况（件）" style={{ marginTop: 16 }}>
        {ready && (
          <LoadState loading={delegationStats.loading} error={delegationStats.error} hasData={!!delegationStats.data} reload={delegationStats.reload}>
            <DelegationStatsTable delegations={delegationStats.data?.delegations ?? []} />
          </LoadState>
        )}
      </Card>
    </div>
  );
}
