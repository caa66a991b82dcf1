import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { fingerprintRequest, IDEMPOTENCY_HEADER, IdempotencyRequest, parseIdempotencyKey } from './idempotency-request';

export type RequestWithIdempotency = Request & { user?: AuthUser; idempotency?: IdempotencyRequest };

/**
 * Global, the last of the guards (so the person is known): on a signed-in POST with an
 * Idempotency-Key, checks the key (400 when unusable) and fingerprints the request (route, person,
 * body as sent) for the command handlers; it lets every request through. Before validation, so the
 * fingerprint is of the body as the client sent it.
 *
 * A guard rather than an interceptor because it only looks at the request: Nest wraps each
 * interceptor of a route in an Observable and an async-hooks binding, a cost every request of
 * every route paid for a header that few send.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<RequestWithIdempotency>();
    if (request.method === 'POST' && request.user) {
      const key = parseIdempotencyKey(request.headers[IDEMPOTENCY_HEADER]);
      if (key !== undefined) {
        request.idempotency = {
          key,
          fingerprint: fingerprintRequest(this.config.jwtSecret, {
            method: request.method,
            path: request.path,
            userId: request.user.id,
            body: request.body,
          }),
        };
      }
    }
    return true;
  }
}
