import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor, SuggestionState } from '@duban/domain';
import { AuthUser, toActor } from '../../auth/auth-user';
import type { AuthenticatedRequest } from '../../auth/current-user.decorator';
import type { RequestIds } from '../../http/correlation';
import { parseIfMatch } from '../../http/if-match';
import type { RequestWithIdempotency } from '../../idempotency/idempotency.guard';
import type { RunOptions } from '../../commands/command-outcome';

/** Who sends a command and under which preconditions: actor, If-Match, correlation and causation. */
export interface CommandContext {
  actor: Actor;
  options: RunOptions<SuggestionState>;
}

export const CommandCtx = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest & RequestWithIdempotency & { ids?: RequestIds }>();
  const user: AuthUser | undefined = request.user;
  if (!user) throw new Error('CommandCtx used on a route without the JWT guard');
  const ids = request.ids ?? { correlationId: randomUUID(), requestId: randomUUID() };
  const options: RunOptions<SuggestionState> = { correlationId: ids.correlationId, causationId: ids.requestId };
  const expectedRevision = parseIfMatch(request.headers['if-match']);
  if (expectedRevision !== undefined) options.expectedRevision = expectedRevision;
  if (request.idempotency) options.idempotency = request.idempotency;
  return { actor: toActor(user), options };
});
