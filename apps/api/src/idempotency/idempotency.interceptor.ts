import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { AuthUser } from '../auth/auth-user';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { fingerprintRequest, IDEMPOTENCY_HEADER, IdempotencyRequest, parseIdempotencyKey } from './idempotency-request';

export type RequestWithIdempotency = Request & { user?: AuthUser; idempotency?: IdempotencyRequest };

/**
 * Global: on a signed-in POST with an Idempotency-Key, checks the key and fingerprints the request
 * (route, person, body as sent) for the command handlers. Runs after the guards, so the person is
 * known, and before validation, so the fingerprint is of the body as the client sent it.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
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
    return next.handle();
  }
}
