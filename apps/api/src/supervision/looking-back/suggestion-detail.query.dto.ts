import { Transform } from 'class-transformer';
import { DateField } from '../../http/validation/fields';
import { AfterQueryDto } from '../../read-consistency/after-query.dto';

/** `GET /api/suggestions/:id?asOf=<ISO>`: the state as it was then (回溯). */
export class SuggestionDetailQueryDto extends AfterQueryDto {
  @DateField('回溯时间', { optional: true, instantOnly: true, description: '回溯时间：带时区的 ISO 8601 时间，例如 2026-03-01T00:00:00+08:00，返回当时的状态' })
  // An unencoded `+08:00` arrives as ` 08:00` (a `+` in a query string is a space): read it as meant.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/ (\d{2}:\d{2})$/, '+$1') : value))
  asOf?: string;
}
