import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { IdempotencyRequest } from './idempotency-request';
import type { RequestWithIdempotency } from './idempotency.guard';

/** The request's Idempotency-Key and fingerprint, as the IdempotencyGuard found them. */
export const Idempotency = createParamDecorator(
  (_data: unknown, context: ExecutionContext): IdempotencyRequest | undefined =>
    context.switchToHttp().getRequest<RequestWithIdempotency>().idempotency,
);
