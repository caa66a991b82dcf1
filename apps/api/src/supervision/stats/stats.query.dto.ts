import { DateField } from '../../http/validation/fields';
import { AfterQueryDto } from '../../read-consistency/after-query.dto';
import { parsePeriod, Period } from './period';

/** `?from=&to=`: the period of assignment the figures count (dates are whole days, Beijing time). */
export class StatsQueryDto extends AfterQueryDto {
  @DateField('开始日期', { optional: true, description: '按交办时间统计的起点（含），例如 2026-01-01' })
  from?: string;

  @DateField('结束日期', { optional: true, description: '按交办时间统计的终点（含当日），例如 2026-12-31' })
  to?: string;

  period(): Period {
    return parsePeriod(this.from, this.to);
  }
}
