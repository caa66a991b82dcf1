import type { CategoryLegendEntry } from '../supervision/stats/category-legend';
import type { UnitStats } from '../supervision/stats/unit-stats-report';
import type { Column } from './spreadsheet';

type Rate = { numerator: number; denominator: number; value: number | null };

const PERCENT = '0.0%';
const rate = (header: string, pick: (u: UnitStats) => Rate): Column<UnitStats> => ({
  header,
  width: 12,
  numFmt: PERCENT,
  value: (u) => pick(u).value,
});
const count = (header: string, pick: (u: UnitStats) => number): Column<UnitStats> => ({ header, width: 12, value: pick });

const NO_ANSWERS: Rate = { numerator: 0, denominator: 0, value: null };

/**
 * Every figure of GET /api/stats/units, each rate beside its numerator and denominator; one count
 * and one share per answer category of the scheme in force (河南: A–E), in its order.
 */
export function unitStatsColumns(categories: readonly CategoryLegendEntry[]): Column<UnitStats>[] {
  const [before, after] = [UNIT_STATS_COLUMNS.slice(0, FIRST_AFTER_CATEGORIES), UNIT_STATS_COLUMNS.slice(FIRST_AFTER_CATEGORIES)];
  const share = (code: string) => (u: UnitStats) => u.byCategory[code] ?? { ...NO_ANSWERS, denominator: u.answered };
  return [
    ...before,
    ...categories.flatMap(({ code }) => [count(`${code}类件数`, (u) => share(code)(u).numerator), rate(`${code}类占比`, share(code))]),
    ...after,
  ];
}

/** The columns around the categories' (the count of dissatisfied ratings is the last before them). */
const UNIT_STATS_COLUMNS: Column<UnitStats>[] = [
  { header: '单位编号', width: 14, value: (u) => u.unitId },
  { header: '承办单位', width: 28, value: (u) => u.unitName },
  count('交办件数', (u) => u.assigned),
  count('答复件数', (u) => u.answered),
  count('按期答复件数', (u) => u.answeredOnTime.numerator),
  rate('按期答复率', (u) => u.answeredOnTime),
  count('当前超期件数', (u) => u.overdueNow),
  count('答复前联系代表件数', (u) => u.contactRate.numerator),
  rate('联系率', (u) => u.contactRate),
  count('参评件数', (u) => u.satisfactionRate.denominator),
  count('满意及基本满意件数', (u) => u.satisfactionRate.numerator),
  rate('满意率', (u) => u.satisfactionRate),
  count('不满意件数', (u) => u.dissatisfied),
  count('承诺事项数', (u) => u.commitments.made),
  count('已落实', (u) => u.commitments.fulfilled),
  count('逾期未落实', (u) => u.commitments.overdue),
  rate('落实率', (u) => u.commitments.fulfilmentRate),
  count('重新办理次数', (u) => u.rehandlings),
];

const FIRST_AFTER_CATEGORIES = UNIT_STATS_COLUMNS.findIndex((c) => c.header === '承诺事项数');
