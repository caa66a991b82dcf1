import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthUser } from './auth-user';

export type AuthenticatedRequest = Request & { user?: AuthUser };

/** The signed-in user; only on routes behind the JWT guard, so it is always there. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('CurrentUser used on a route without the JWT guard');
  return request.user;
});
