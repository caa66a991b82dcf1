import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString } from 'class-validator';
import { isLocalDate, type CalendarOverrides, type CalendarYearOverride } from '@duban/domain';
import type { FieldError } from '../http/validation/field-error';

/**
 * `POST /api/calendar/overrides`: the State Council's notice for one or more years, in the format of
 * the override file (libs/domain/src/calendar/calendar-overrides.ts). The nested days are checked by
 * checkNotice below, which names the bad field (`years.2027.holidays.3`).
 */
export class CalendarNoticeDto {
  @ApiProperty({
    type: 'object',
    description: '按年份的正式放假安排：{"2027": {"holidays": ["2027-01-01", …], "workdays": ["2027-02-14", …]}}；holidays 为放假日，workdays 为调休上班的周末',
    additionalProperties: {
      type: 'object',
      properties: {
        holidays: { type: 'array', items: { type: 'string', format: 'date' } },
        workdays: { type: 'array', items: { type: 'string', format: 'date' } },
      },
      required: ['holidays', 'workdays'],
    },
  })
  @IsObject({ message: 'years 必须是以年份为键的对象' })
  years!: Record<string, unknown>;

  @ApiPropertyOptional({ description: '说明（忽略）' })
  @IsOptional()
  @IsString({ message: '$comment 必须是文字' })
  $comment?: string;
}

/** Days listed per year at most: a year has 366. */
const MAX_DAYS = 366;

/** The notice as overrides, or the bad fields (Chinese, each with its path in the body). */
export function checkNotice(dto: CalendarNoticeDto): { overrides: CalendarOverrides } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const years: Record<string, CalendarYearOverride> = {};
  const entries = Object.entries(dto.years);
  if (entries.length === 0) errors.push({ field: 'years', message: '至少载入一个年份的放假安排' });
  for (const [year, entry] of entries) {
    const field = `years.${year}`;
    if (!/^\d{4}$/.test(year) || Number(year) < 1901 || Number(year) > 2099) {
      errors.push({ field, message: `「${year}」不是可以载入的年份（1901–2099）` });
      continue;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      errors.push({ field, message: '每个年份须为 {holidays, workdays} 对象' });
      continue;
    }
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key !== 'holidays' && key !== 'workdays') errors.push({ field: `${field}.${key}`, message: `不允许的字段「${key}」` });
    }
    const holidays = dates(record['holidays'], year, `${field}.holidays`, errors);
    const workdays = dates(record['workdays'], year, `${field}.workdays`, errors);
    if (!holidays || !workdays) continue;
    const both = holidays.filter((d) => workdays.includes(d));
    if (both.length > 0) errors.push({ field: `${field}.workdays`, message: `${both.join('、')} 不能既是放假日又是调休上班日` });
    years[year] = { holidays, workdays };
  }
  return errors.length > 0 ? { errors } : { overrides: { years } };
}

function dates(value: unknown, year: string, field: string, errors: FieldError[]): string[] | undefined {
  if (!Array.isArray(value)) {
    errors.push({ field, message: '必须是日期（YYYY-MM-DD）的数组' });
    return undefined;
  }
  if (value.length > MAX_DAYS) {
    errors.push({ field, message: `最多 ${MAX_DAYS} 天` });
    return undefined;
  }
  let ok = true;
  value.forEach((d: unknown, i) => {
    if (typeof d !== 'string' || !isLocalDate(d) || !d.startsWith(`${year}-`)) {
      errors.push({ field: `${field}.${i}`, message: `须为 ${year} 年的日期（YYYY-MM-DD）` });
      ok = false;
    }
  });
  return ok ? [...new Set(value as string[])].sort() : undefined;
}
