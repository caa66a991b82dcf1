import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors } from './flatten-validation-errors';

/**
 * Strict input: unknown fields are errors (a typo in a field name must not be silently dropped),
 * and the 400 answer names every bad field with a Chinese message.
 */
export function createApiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) =>
      new BadRequestException({
        statusCode: 400,
        code: 'validation_failed',
        message: '请求参数有误',
        errors: flattenValidationErrors(errors),
      }),
  });
}
