import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ROLES, Role } from '@duban/domain';
import { fromTokenPayload, TokenPayload } from './auth-user';
import type { AuthenticatedRequest } from './current-user.decorator';
import { BEFORE_PASSWORD_CHANGE_KEY } from './before-password-change.decorator';
import { IS_PUBLIC_KEY } from './public.decorator';
import type { Session } from './sessions/session';
import { SessionRegistry } from './sessions/session-registry';
import { VerifiedTokenCache } from './verified-token-cache';

export const SESSION_ENDED_MESSAGE = '登录已失效（已退出登录，或密码、角色、账号状态已变更），请重新登录';

/** Global: every route needs a valid bearer token of a session that has not ended, unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokenCache();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly sessions: SessionRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (token === null) throw new UnauthorizedException('请先登录');
    const payload = this.verified.get(token) ?? (await this.verify(token));
    const session = sessionOf(payload);
    // Checked on every request, cached token or not: a session can end at any moment.
    if (!this.sessions.isValid(session)) throw new UnauthorizedException(SESSION_ENDED_MESSAGE);
    if (payload.mcp === true && !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE_KEY, [context.getHandler(), context.getClass()])) {
      // The bootstrap password was in the environment or the log: nothing else until it is replaced.
      throw new ForbiddenException({ statusCode: 403, code: 'password_change_required', message: '请先修改初始密码，再使用系统' });
    }
    request.user = fromTokenPayload(payload);
    request.session = session;
    return true;
  }

  private async verify(token: string): Promise<TokenPayload> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new UnauthorizedException('登录已失效，请重新登录');
    }
    // A token without jti/rev predates ending sessions and could not be ended: it is not honoured.
    if (
      typeof payload.sub !== 'string' ||
      !ROLES.includes(payload.role as Role) ||
      typeof payload.name !== 'string' ||
      typeof payload.jti !== 'string' ||
      !Number.isInteger(payload.rev) ||
      typeof payload.exp !== 'number'
    ) {
      throw new UnauthorizedException('登录凭据无效，请重新登录');
    }
    this.verified.remember(token, payload);
    return payload;
  }
}

function sessionOf(payload: TokenPayload): Session {
  return { userId: payload.sub, jti: payload.jti, accountRevision: payload.rev, expiresAtMs: (payload.exp ?? 0) * 1000 };
}

function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1]! : null;
}
