import type { ValidationError } from 'class-validator';
import { FieldError } from './field-error';

/**
 * Turns class-validator's tree into one Chinese message per bad field. A missing required
 * field reads 「必填」 rather than every rule it also breaks; an unknown field names itself.
 */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parentPath === '' ? error.property : `${parentPath}.${error.property}`;
    const constraints = error.constraints ?? {};
    if ('whitelistValidation' in constraints) {
      result.push({ field, message: `不允许的字段「${error.property}」` });
    } else if (Object.keys(constraints).length > 0) {
      result.push({ field, message: pickMessage(error, constraints) });
    }
    if (error.children && error.children.length > 0) {
      result.push(...flattenValidationErrors(error.children, field));
    }
  }
  return result;
}

/** Type checks explain more than range checks when a value breaks both. */
const FIRST_REPORTED = ['isString', 'isBoolean', 'isArray', 'isInt', 'isIn', 'isDateText', 'nestedValidation'];

function pickMessage(error: ValidationError, constraints: Record<string, string>): string {
  if (error.value === undefined || error.value === null) return '必填';
  const key = FIRST_REPORTED.find((name) => name in constraints) ?? Object.keys(constraints)[0];
  return (key !== undefined ? constraints[key] : undefined) ?? '取值无效';
}
