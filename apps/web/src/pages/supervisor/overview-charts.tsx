import { useMemo } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { StatsFigures, UnitStats } from '../../api/supervision-types';
import type { SuggestionStatus } from '../../api/types';
import { EChart, type ChartTable } from '../../components/echart';
import { statusLabel } from '../../lib/labels';

export const STATUS_ORDER: SuggestionStatus[] = ['submitted', 'accepted', 'assigned', 'answered', 'rehandling', 'rated', 'closed', 'rejected', 'withdrawn'];

function barOption(names: string[], values: (number | null)[], color: string, unit = ''): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '无数据' : `${v}${unit}`) },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, ...(unit === '%' ? { max: 100 } : {}) },
    series: [{ type: 'bar', data: values, itemStyle: { color }, barMaxWidth: 36, label: { show: true, position: 'top' } }],
  };
}

/** The four charts of 大督办: status counts, overdue by unit, satisfaction by unit, A/B/C/D shares. */
export function OverviewCharts({
  byStatus,
  totals,
  units,
}: {
  byStatus: Partial<Record<SuggestionStatus, number>>;
  totals?: StatsFigures;
  units?: UnitStats[];
}) {
  const statusOption = useMemo(() => {
    const by = byStatus;
    const statuses = STATUS_ORDER.filter((s) => by[s] !== undefined);
    return barOption(statuses.map(statusLabel), statuses.map((s) => by[s] ?? 0), '#1677ff');
  }, [byStatus]);

  const overdueOption = useMemo(
    () => barOption((units ?? []).map((u) => u.unitName), (units ?? []).map((u) => u.overdueNow), '#cf1322'),
    [units],
  );

  const satisfactionOption = useMemo(
    () =>
      barOption(
        (units ?? []).map((u) => u.unitName),
        (units ?? []).map((u) => (u.satisfactionRate.value === null ? null : Math.round(u.satisfactionRate.value * 1000) / 10)),
        '#389e0d',
        '%',
      ),
    [units],
  );

  const categoryOption = useMemo<EChartsCoreOption>(() => {
    const c = totals?.categories;
    const data = c
      ? (['A', 'B', 'C', 'D'] as const).map((k) => ({ name: `${k} 类`, value: c[k].numerator })).filter((d) => d.value > 0)
      : [];
    return {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 单位次（{d}%）' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], data, label: { formatter: '{b}\n{d}%' } }],
    };
  }, [totals]);

  const tables = useMemo(() => chartTables(byStatus, totals, units ?? []), [byStatus, totals, units]);

  const noUnits = !units || units.length === 0;
  const noCategories = !totals || (['A', 'B', 'C', 'D'] as const).every((k) => totals.categories[k].numerator === 0);
  const empty = (text: string) => (
    <div className="chart-empty">
      <Empty description={text} />
    </div>
  );

  return (
    <Row gutter={[16, 16]} className="gap-bottom">
      <Col xs={24} lg={12}>
        <Card title="各状态建议数（件）" size="small">
          <EChart option={statusOption} table={tables.status} testId="chart-status" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="各单位当前逾期未答复（单位次）" size="small">
          {noUnits
            ? empty('暂无单位统计')
            : units.every((u) => u.overdueNow === 0)
              ? empty('本期间没有逾期未答复的交办')
              : <EChart option={overdueOption} table={tables.overdue} testId="chart-overdue" />}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="各单位满意率（满意与基本满意次数 / 已评价次数）" size="small">
          {noUnits ? empty('暂无单位统计') : <EChart option={satisfactionOption} table={tables.satisfaction} testId="chart-satisfaction" />}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="答复类别 A/B/C/D 占比（单位次）" size="small">
          {noCategories ? empty('暂无答复') : <EChart option={categoryOption} table={tables.categories} testId="chart-categories" />}
        </Card>
      </Col>
    </Row>
  );
}

const percent = (numerator: number, denominator: number) => (denominator === 0 ? '无数据' : `${Math.round((numerator / denominator) * 1000) / 10}%`);

/** Each chart's figures as a table, rates with what they divide (a screen reader cannot read a canvas). */
function chartTables(
  byStatus: Partial<Record<SuggestionStatus, number>>,
  totals: StatsFigures | undefined,
  units: UnitStats[],
): Record<'status' | 'overdue' | 'satisfaction' | 'categories', ChartTable> {
  const categories = totals?.categories;
  const answered = categories ? (['A', 'B', 'C', 'D'] as const).reduce((sum, k) => sum + categories[k].numerator, 0) : 0;
  return {
    status: {
      caption: '各状态建议数（件）',
      columns: ['状态', '建议数'],
      rows: STATUS_ORDER.filter((s) => byStatus[s] !== undefined).map((s) => [statusLabel(s), byStatus[s] ?? 0]),
    },
    overdue: {
      caption: '各单位当前逾期未答复（单位次）',
      columns: ['承办单位', '逾期未答复（单位次）'],
      rows: units.map((u) => [u.unitName, u.overdueNow]),
    },
    satisfaction: {
      caption: '各单位满意率：满意与基本满意次数 / 已评价次数',
      columns: ['承办单位', '满意与基本满意（次）', '已评价（次）', '满意率'],
      rows: units.map((u) => [u.unitName, u.satisfactionRate.numerator, u.satisfactionRate.denominator, percent(u.satisfactionRate.numerator, u.satisfactionRate.denominator)]),
    },
    categories: {
      caption: '答复类别占比：该类答复单位次 / 答复单位次',
      columns: ['答复类别', '单位次', '答复总数（单位次）', '占比'],
      rows: categories ? (['A', 'B', 'C', 'D'] as const).map((k) => [`${k} 类`, categories[k].numerator, answered, percent(categories[k].numerator, answered)]) : [],
    },
  };
}
