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
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

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

const NOT_BLANK = /\S/;
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
    ApiProperty({ type: String, maxLength, required: !options.optional, description: options.description ?? label }),
    IsString({ message: `${label}必须是文本` }),
    Matches(NOT_BLANK, { message: `${label}不能为空` }),
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

/** An ISO-8601 date (`2026-10-15`, then 24:00 Asia/Shanghai of that day) or instant. */
export function DateField(label: string, options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    ApiProperty({ type: String, format: 'date-time', required: !options.optional, description: options.description ?? label }),
    IsString({ message: `${label}必须是文本` }),
    IsISO8601({ strict: true, strictSeparator: true }, { message: `${label}必须是 ISO 8601 日期或时间，例如 2026-10-15 或 2026-10-15T08:00:00Z` }),
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
    ApiProperty({ type: [String], maxItems: LIST_MAX, required: !options.optional, description: options.description ?? label }),
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
    ApiProperty({ type: Number, minimum: min, maximum: max, required: false, description: label }),
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
