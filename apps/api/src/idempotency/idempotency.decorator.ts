import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { IdempotencyRequest } from './idempotency-request';
import type { RequestWithIdempotency } from './idempotency.interceptor';

/** The request's Idempotency-Key and fingerprint, as the IdempotencyInterceptor found them. */
export const Idempotency = createParamDecorator(
  (_data: unknown, context: ExecutionContext): IdempotencyRequest | undefined =>
    context.switchToHttp().getRequest<RequestWithIdempotency>().idempotency,
);
