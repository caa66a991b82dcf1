import { ArgumentMetadata, BadRequestException, Injectable, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { FieldError } from './field-error';
import { flattenValidationErrors } from './flatten-validation-errors';
import { cacheValidationMetadata } from './validation-metadata-cache';

const VALIDATION_FAILED = { statusCode: 400, code: 'validation_failed', message: '请求参数有误' };

/**
 * Strict input: unknown fields are errors (a typo in a field name must not be silently dropped),
 * and the 400 answer names every bad field with a Chinese message.
 *
 * The unknown-field check runs on the body and query as sent, before class-transformer copies
 * them: it silently drops keys that name a method of the DTO or of Object (`toCommand`,
 * `toString`, `constructor`…), which the validator's own whitelist then never sees.
 */
@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  /** Query strings already found valid, per DTO class: a page asked for again skips the validators. */
  private readonly validQueries = new WeakMap<Function, Map<string, object>>();

  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: true },
      exceptionFactory: (errors) => new BadRequestException({ ...VALIDATION_FAILED, errors: flattenValidationErrors(errors) }),
    });
    cacheValidationMetadata();
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    if ((metadata.type === 'body' || metadata.type === 'query') && typeof metatype === 'function' && !BUILT_IN.has(metatype) && isRecord(value)) {
      const known = knownFields(metatype);
      const unknown = Object.keys(value).filter((key) => !known.has(key));
      if (unknown.length > 0) {
        // Still validate the rest, so one answer names every bad field, unknown or not.
        const rest = Object.fromEntries(Object.entries(value).filter(([key]) => known.has(key)));
        const errors = [...(await this.errorsOf(rest, metadata)), ...unknown.map((key) => ({ field: key, message: `不允许的字段「${key}」` }))];
        throw new BadRequestException({ ...VALIDATION_FAILED, errors });
      }
    }
    if (metadata.type !== 'query' || typeof metatype !== 'function' || BUILT_IN.has(metatype) || !isRecord(value)) {
      return super.transform(value, metadata);
    }
    // Query DTOs hold strings, numbers and booleans checked by pure rules: the same query string is
    // valid again, and gives the same values. Each request gets its own copy of them.
    const key = JSON.stringify(value);
    const known = this.validQueries.get(metatype)?.get(key);
    if (known) return Object.assign(Object.create(Object.getPrototypeOf(known) as object | null) as object, known);
    const result: unknown = await super.transform(value, metadata);
    if (typeof result === 'object' && result !== null && Object.values(result).every((v) => v === null || typeof v !== 'object')) {
      let valid = this.validQueries.get(metatype);
      if (!valid) this.validQueries.set(metatype, (valid = new Map()));
      if (valid.size >= VALID_QUERIES_KEPT) valid.delete(valid.keys().next().value!);
      valid.set(key, Object.assign(Object.create(Object.getPrototypeOf(result) as object | null) as object, result));
    }
    return result;
  }

  private async errorsOf(value: Record<string, unknown>, metadata: ArgumentMetadata): Promise<FieldError[]> {
    try {
      await super.transform(value, metadata);
      return [];
    } catch (error) {
      const response = error instanceof BadRequestException ? (error.getResponse() as { errors?: FieldError[] }) : {};
      return response.errors ?? [];
    }
  }
}

export function createApiValidationPipe(): ValidationPipe {
  return new ApiValidationPipe();
}

const BUILT_IN = new Set<unknown>([String, Boolean, Number, Array, Object]);
/** Per DTO class: the pages and filters people are on, not every query ever sent. */
const VALID_QUERIES_KEPT = 500;
const cache = new WeakMap<Function, Set<string>>();

/** The properties a DTO class declares validation rules for (its parents' included). */
function knownFields(metatype: Function): Set<string> {
  let fields = cache.get(metatype);
  if (!fields) {
    fields = new Set(getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false).map((m) => m.propertyName));
    cache.set(metatype, fields);
  }
  return fields;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
