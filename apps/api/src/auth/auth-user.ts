import type { Actor, Role } from '@duban/domain';

/** The signed-in person, as the JWT guard puts it on the request. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  unitId?: string;
  displayName: string;
  /** Only the password change, /auth/me and logout answer until this user picks a password. */
  mustChangePassword?: true;
}

/**
 * What the access token carries; `sub` is the user id (= login name), `jti` the token's own id
 * (signing out ends it), `rev` the user stream's revision its login read (a later password,
 * role or active change ends it). jsonwebtoken adds `iat` and `exp`.
 */
export interface TokenPayload {
  sub: string;
  role: Role;
  unitId?: string;
  name: string;
  jti: string;
  rev: number;
  /** The account must change its password first (the change ends this token). */
  mcp?: true;
  iat?: number;
  exp?: number;
}

export function toActor(user: AuthUser): Actor {
  return user.unitId === undefined
    ? { userId: user.id, role: user.role }
    : { userId: user.id, role: user.role, unitId: user.unitId };
}

export function toTokenPayload(user: AuthUser, session: { jti: string; rev: number }): TokenPayload {
  const payload: TokenPayload = { sub: user.id, role: user.role, name: user.displayName, jti: session.jti, rev: session.rev };
  if (user.unitId !== undefined) payload.unitId = user.unitId;
  if (user.mustChangePassword) payload.mcp = true;
  return payload;
}

export function fromTokenPayload(payload: TokenPayload): AuthUser {
  const user: AuthUser = { id: payload.sub, username: payload.sub, role: payload.role, displayName: payload.name };
  if (payload.unitId !== undefined) user.unitId = payload.unitId;
  if (payload.mcp === true) user.mustChangePassword = true;
  return user;
}
