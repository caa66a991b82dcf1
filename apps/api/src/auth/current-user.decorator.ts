import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthUser } from './auth-user';
import type { Session } from './sessions/session';

export type AuthenticatedRequest = Request & { user?: AuthUser; session?: Session };

/** The signed-in user; only on routes behind the JWT guard, so it is always there. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('CurrentUser used on a route without the JWT guard');
  return request.user;
});

/** The session of the request's token (its id, expiry and account revision); beside CurrentUser. */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): Session => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.session) throw new Error('CurrentSession used on a route without the JWT guard');
  return request.session;
});
