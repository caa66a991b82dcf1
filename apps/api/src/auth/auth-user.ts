import type { Actor, Role } from '@duban/domain';

/** The signed-in person, as the JWT guard puts it on the request. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  unitId?: string;
  displayName: string;
}

/** What the access token carries; `sub` is the user id (= login name). */
export interface TokenPayload {
  sub: string;
  role: Role;
  unitId?: string;
  name: string;
}

export function toActor(user: AuthUser): Actor {
  return user.unitId === undefined
    ? { userId: user.id, role: user.role }
    : { userId: user.id, role: user.role, unitId: user.unitId };
}

export function toTokenPayload(user: AuthUser): TokenPayload {
  return user.unitId === undefined
    ? { sub: user.id, role: user.role, name: user.displayName }
    : { sub: user.id, role: user.role, unitId: user.unitId, name: user.displayName };
}

export function fromTokenPayload(payload: TokenPayload): AuthUser {
  const user: AuthUser = { id: payload.sub, username: payload.sub, role: payload.role, displayName: payload.name };
  if (payload.unitId !== undefined) user.unitId = payload.unitId;
  return user;
}
