import { useMemo } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { AnswerCategoryLegend, StatsFigures, UnitStats } from '../../api/supervision-types';
import type { SuggestionStatus } from '../../api/types';
import { EChart, type ChartTable } from '../../components/echart';
import { statusLabel } from '../../lib/labels';

export const STATUS_ORDER: SuggestionStatus[] = ['submitted', 'accepted', 'assigned', 'answered', 'rehandling', 'rated', 'closed', 'rejected', 'withdrawn'];

function barOption(names: string[], values: (number | null)[], color: string, unit = ''): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '无数据' : `${v}${unit}`) },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    // Unit names are long: upright they overlap on a phone; slanted and cut at 7 characters they fit
    // (the tooltip and the table under each chart keep the whole name).
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 2 ? 30 : 0, width: 88, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1, ...(unit === '%' ? { max: 100 } : {}) },
    series: [{ type: 'bar', data: values, itemStyle: { color }, barMaxWidth: 36, label: { show: true, position: 'top' } }],
  };
}

/**
 * The four charts of 大督办: status counts, overdue by unit, satisfaction by unit, and the shares of
 * the answer categories of the rulebook in force (河南: five classes), each named as the rulebook does.
 */
export function OverviewCharts({
  byStatus,
  totals,
  units,
  categories,
}: {
  byStatus: Partial<Record<SuggestionStatus, number>>;
  totals?: StatsFigures;
  units?: UnitStats[];
  categories: AnswerCategoryLegend[];
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
    const data = categoryShares(totals, categories)
      .map((c) => ({ name: `${c.code} 类`, value: c.rate.numerator, label: c.label }))
      .filter((d) => d.value > 0);
    return {
      // The rulebook's words in the tooltip; the slice keeps the short code.
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number; data: { label: string } }) => `${p.name}（${p.data.label}）：${p.value} 单位次（${p.percent}%）` },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], data, label: { formatter: '{b}\n{d}%' } }],
    };
  }, [totals, categories]);

  const tables = useMemo(() => chartTables(byStatus, totals, units ?? [], categories), [byStatus, totals, units, categories]);

  const noUnits = !units || units.length === 0;
  const noCategories = categoryShares(totals, categories).every((c) => c.rate.numerator === 0);
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
        <Card title={`答复类别 ${categories.map((c) => c.code).join('/')} 占比（单位次）`} size="small">
          {noCategories ? empty('暂无答复') : <EChart option={categoryOption} table={tables.categories} testId="chart-categories" />}
        </Card>
      </Col>
    </Row>
  );
}

const percent = (numerator: number, denominator: number) => (denominator === 0 ? '无数据' : `${Math.round((numerator / denominator) * 1000) / 10}%`);

/** Each chart's figures as a table, rates with what they divide (a screen reader cannot read a canvas). */
/** Each category of the legend with its count over the answered (a code the figures lack: none of them). */
function categoryShares(totals: StatsFigures | undefined, legend: AnswerCategoryLegend[]) {
  if (!totals) return [];
  return legend.map((c) => ({ ...c, rate: totals.byCategory?.[c.code] ?? { numerator: 0, denominator: totals.answered, value: null } }));
}

function chartTables(
  byStatus: Partial<Record<SuggestionStatus, number>>,
  totals: StatsFigures | undefined,
  units: UnitStats[],
  legend: AnswerCategoryLegend[],
): Record<'status' | 'overdue' | 'satisfaction' | 'categories', ChartTable> {
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
      caption: '答复类别占比：该类答复单位次 / 答复单位次（类别按现行办理规则）',
      columns: ['答复类别', '单位次', '答复总数（单位次）', '占比'],
      rows: categoryShares(totals, legend).map((c) => [`${c.code} 类：${c.label}`, c.rate.numerator, c.rate.denominator, percent(c.rate.numerator, c.rate.denominator)]),
    },
  };
}
