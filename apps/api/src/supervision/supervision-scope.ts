import { ForbiddenException } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';

/** Who reads supervision figures for the whole jurisdiction. */
export const OVERSIGHT_ROLES = ['staff', 'supervisor', 'admin'] as const;

export function isOversight(user: AuthUser): boolean {
  return (OVERSIGHT_ROLES as readonly string[]).includes(user.role);
}

/**
 * The unit a caller's figures are limited to: none for oversight roles, their own unit for a unit
 * account (asking for another unit's is refused), and nothing at all for anyone else.
 */
export function unitScope(user: AuthUser, requestedUnitId: string | undefined): string | undefined {
  if (isOversight(user)) return requestedUnitId;
  if (user.role === 'unit' && user.unitId !== undefined) {
    if (requestedUnitId !== undefined && requestedUnitId !== user.unitId) {
      throw new ForbiddenException('承办单位只能查看本单位的统计与承诺事项');
    }
    return user.unitId;
  }
  throw new ForbiddenException('无权查看督办统计');
}

/** A deputy reads their own archive; oversight roles read everyone's. */
export function requireDeputyAccess(user: AuthUser, deputyId: string): void {
  if (isOversight(user)) return;
  if (user.role === 'deputy' && user.id === deputyId) return;
  throw new ForbiddenException('只能查看本人的履职档案');
}
