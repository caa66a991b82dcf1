import { DateField, IdField, IntQueryField } from '../../http/validation/fields';
import { AfterQueryDto } from '../../read-consistency/after-query.dto';
import { parsePeriod, type SupervisionPeriod } from './period';

/**
 * `?sessionId=` or `?year=` or `?from=&to=`: the one period filter of every supervision figure
 * (statistics, overview, the by-delegation table, their spreadsheets). One kind at a time.
 */
export class PeriodQueryDto extends AfterQueryDto {
  @IdField('届次', { optional: true, description: '届次编号（GET /api/sessions）：只统计该届次（会次）的建议及其交办；不能与 year、from、to 同用' })
  sessionId?: string;

  @IntQueryField('年度', 2000, 2100)
  year?: number;

  @DateField('开始日期', { optional: true, description: '起点（含）：建议按提交时间、单位办理情况按交办时间统计，例如 2026-01-01' })
  from?: string;

  @DateField('结束日期', { optional: true, description: '终点（含当日）：建议按提交时间、单位办理情况按交办时间统计，例如 2026-12-31' })
  to?: string;

  period(): SupervisionPeriod {
    return parsePeriod({ sessionId: this.sessionId, year: this.year, from: this.from, to: this.to });
  }
}
