import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';
import { etag } from '../../http/if-match';
import type { CommandOutcome } from '../../commands/command-outcome';

/**
 * Every command answer carries `ETag: "<revision>"`, the value to send back as If-Match. An
 * Idempotency-Key retry gets the first answer's body and ETag, marked `Idempotent-Replayed: true`.
 */
@Injectable()
export class EtagInterceptor implements NestInterceptor<CommandOutcome, CommandOutcome> {
  intercept(context: ExecutionContext, next: CallHandler<CommandOutcome>): Observable<CommandOutcome> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map(({ replayed, ...outcome }) => {
        response.setHeader('ETag', etag(outcome.revision));
        if (replayed) response.setHeader('Idempotent-Replayed', 'true');
        return outcome;
      }),
    );
  }
}
