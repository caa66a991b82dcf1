import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@duban/domain';
import type { AuthenticatedRequest } from './current-user.decorator';
import { ROLES_KEY } from './roles.decorator';

const ROLE_LABELS: Record<Role, string> = {
  deputy: '人大代表',
  staff: '代表工委工作人员',
  unit: '承办单位',
  supervisor: '督办人',
  admin: '系统管理员',
};

/** Runs after JwtAuthGuard; routes without @Roles() are open to every signed-in user. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (user && roles.includes(user.role)) return true;
    throw new ForbiddenException(`只有${roles.map((r) => ROLE_LABELS[r]).join('或')}可以执行此操作`);
  }
}
