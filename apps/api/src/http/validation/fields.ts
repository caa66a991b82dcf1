import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { PHONE_FORMAT_MESSAGE, PHONE_PATTERN } from '@duban/domain';
import { DATE_YEAR_MAX, DATE_YEAR_MIN, dateTextKind, isDateTextInRange } from './date-text';

/**
 * Field decorators that carry the validation rule, its Chinese message and the OpenAPI schema
 * together, so a DTO states each field once and the three can never drift apart.
 */
export interface FieldOptions {
  optional?: boolean;
  description?: string;
}

/** Ids of suggestions, units and commitments: short, URL-safe. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
/** Login names are user ids: lowercase so 'Admin' and 'admin' can never be two people. */
export const USER_ID_PATTERN = /^[a-z0-9][a-z0-9_.-]{1,31}$/;
export const LIST_MAX = 50;

/**
 * A text counts as given only with at least one character a reader can see: whitespace, control
 * characters and the invisible format characters (zero-width spaces and joiners, direction marks
 * and overrides, word joiners, BOM, Hangul fillers: Unicode's Cf and Default_Ignorable_Code_Point)
 * all render as nothing, so a title made only of them is an empty title.
 */
export const VISIBLE_TEXT = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
/**
 * No control characters but tab and line breaks, and no lone UTF-16 surrogates: they cannot be
 * stored as UTF-8 unchanged, so the stored text (and its audit hash) would differ from what was sent.
 */
export const PRINTABLE_TEXT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\p{Cs}]*$/u;

function presence(options: FieldOptions): PropertyDecorator[] {
  return options.optional ? [IsOptional()] : [];
}

export function TextField(label: string, maxLength: number, options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    ApiProperty({ type: String, minLength: 1, maxLength, pattern: VISIBLE_TEXT.source, required: !options.optional, description: options.description ?? label }),
    IsString({ message: `${label}必须是文本` }),
    Matches(VISIBLE_TEXT, { message: `${label}不能为空` }),
    Matches(PRINTABLE_TEXT, { message: `${label}不能包含控制字符或无效的 Unicode 字符` }),
    MaxLength(maxLength, { message: `${label}不能超过 ${maxLength} 个字符` }),
  );
}

export function IdField(label: string, options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    ApiProperty({ type: String, pattern: ID_PATTERN.source, required: !options.optional, description: options.description ?? label }),
    IsString({ message: `${label}必须是文本` }),
    Matches(ID_PATTERN, { message: `${label}格式无效：只能包含字母、数字和 _ . : -，最长 64 个字符` }),
  );
}

export function UserIdField(label: string, options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    ApiProperty({ type: String, pattern: USER_ID_PATTERN.source, required: !options.optional, description: options.description ?? label }),
    IsString({ message: `${label}必须是文本` }),
    Matches(USER_ID_PATTERN, { message: `${label}须为 2–32 位小写字母、数字或 _ . -，并以字母或数字开头` }),
  );
}

export interface DateFieldOptions extends FieldOptions {
  /** Only an instant with its offset (a look back to a moment), not a whole day. */
  instantOnly?: boolean;
}

/**
 * A date (`2026-10-15`: 24:00 Asia/Shanghai of that day, or the whole day for a period) or an
 * instant with its offset, in the years DATE_YEAR_MIN…DATE_YEAR_MAX. Every date a request carries
 * (body or query) goes through this one check, so an impossible day (2026-02-30) or a far year
 * (9999) is a 400 naming the field everywhere, never a silent shift or a 500 further on. Rules
 * that need the clock or the rulebook (after now, within the maximum extension) are the domain's.
 */
export function DateField(label: string, options: DateFieldOptions = {}): PropertyDecorator {
  const accepted = options.instantOnly ? '带时区的 ISO 8601 时间，例如 2026-10-15T08:00:00+08:00' : 'ISO 8601 日期或带时区的时间，例如 2026-10-15 或 2026-10-15T08:00:00+08:00';
  return applyDecorators(
    ...presence(options),
    ApiProperty({
      type: String,
      ...(options.instantOnly ? { format: 'date-time' } : { anyOf: [{ type: 'string', format: 'date' }, { type: 'string', format: 'date-time' }] }),
      example: options.instantOnly ? '2026-10-15T08:00:00+08:00' : '2026-10-15',
      required: !options.optional,
      description: `${options.description ?? label}（${DATE_YEAR_MIN}–${DATE_YEAR_MAX} 年）`,
    }),
    IsString({ message: `${label}必须是文本` }),
    ValidateBy(
      {
        name: 'isDateText',
        validator: {
          validate: (value: unknown) => {
            const kind = typeof value === 'string' ? dateTextKind(value) : null;
            return kind === 'instant' || (kind === 'date' && !options.instantOnly);
          },
        },
      },
      { message: `${label}必须是有效的 ${accepted}` },
    ),
    ValidateBy(
      { name: 'isDateInRange', validator: { validate: (value: unknown) => typeof value !== 'string' || isDateTextInRange(value) } },
      { message: `${label}须在 ${DATE_YEAR_MIN} 年至 ${DATE_YEAR_MAX} 年之间` },
    ),
  );
}

export function EnumField(label: string, values: readonly string[], options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    ApiProperty({ enum: values, required: !options.optional, description: options.description ?? label }),
    IsIn([...values], { message: `${label}只能是 ${values.join('、')} 之一` }),
  );
}

export function BooleanField(label: string, options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    ApiProperty({ type: Boolean, required: !options.optional, description: options.description ?? label }),
    IsBoolean({ message: `${label}必须是 true 或 false` }),
  );
}

export function IdListField(
  label: string,
  options: FieldOptions & { minSize?: number; pattern?: RegExp } = {},
): PropertyDecorator {
  const pattern = options.pattern ?? ID_PATTERN;
  const decorators: PropertyDecorator[] = [
    ...presence(options),
    ApiProperty({ type: 'array', items: { type: 'string', pattern: pattern.source }, uniqueItems: true, maxItems: LIST_MAX, ...(options.minSize !== undefined ? { minItems: options.minSize } : {}), required: !options.optional, description: options.description ?? label }),
    IsArray({ message: `${label}必须是数组` }),
    ArrayMaxSize(LIST_MAX, { message: `${label}最多 ${LIST_MAX} 项` }),
    ArrayUnique({ message: `${label}不能有重复项` }),
    IsString({ each: true, message: `${label}的每一项必须是文本` }),
    Matches(pattern, { each: true, message: `${label}中有格式无效的编号` }),
  ];
  if (options.minSize !== undefined) {
    decorators.push(ArrayMinSize(options.minSize, { message: `${label}至少 ${options.minSize} 项` }));
  }
  return applyDecorators(...decorators);
}

/** A whole number in the query string (`?page=2`). */
export function IntQueryField(label: string, min: number, max: number): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    ApiProperty({ type: 'integer', minimum: min, maximum: max, required: false, description: label }),
    Type(() => Number),
    IsInt({ message: `${label}必须是整数` }),
    Min(min, { message: `${label}不能小于 ${min}` }),
    Max(max, { message: `${label}不能大于 ${max}` }),
  );
}

/** `true` / `false` in the query string; anything else is reported, not silently ignored. */
export function BooleanQueryField(label: string): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    ApiProperty({ type: Boolean, required: false, description: label }),
    Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: `${label}必须是 true 或 false` }),
  );
}

/**
 * Several values of a list in one query parameter, comma-separated (`?statuses=assigned,rehandling`):
 * each must be one of `values`; an empty item or an unknown one is a 400 naming the field.
 */
export function EnumListQueryField(label: string, values: readonly string[]): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    ApiProperty({ type: String, required: false, pattern: `^(${values.join('|')})(,(${values.join('|')}))*$`, description: `${label}（逗号分隔，可选 ${values.join('、')}）` }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value)),
    IsArray({ message: `${label}必须是逗号分隔的列表` }),
    ArrayMinSize(1, { message: `${label}至少 1 项` }),
    ArrayMaxSize(values.length, { message: `${label}最多 ${values.length} 项` }),
    IsIn([...values], { each: true, message: `${label}的每一项只能是 ${values.join('、')} 之一` }),
  );
}

/** A deputy's phone number (the domain's PHONE_PATTERN): a mobile, or a landline with its area code. */
export function PhoneField(label: string, options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    ApiProperty({ type: String, pattern: PHONE_PATTERN.source, required: !options.optional, description: options.description ?? label, example: '13800138000' }),
    IsString({ message: `${label}必须是文本` }),
    Matches(PHONE_PATTERN, { message: PHONE_FORMAT_MESSAGE }),
  );
}
