import { Matches } from 'class-validator';
import { DateField } from '../http/validation/fields';

export class SetClockDto {
  @DateField('时间', { description: 'ISO 8601 时刻，例如 2026-10-09T02:00:00Z' })
  @Matches(/T\d{2}:\d{2}/, { message: '时间必须包含时刻，例如 2026-10-09T02:00:00Z' })
  now!: string;
}
