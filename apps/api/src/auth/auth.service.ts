import { Injectable, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { AccountDirectory } from '../accounts/account-directory';
import type { UserRecord } from '../accounts/account-records';
import { USER_ID_PATTERN } from '../http/validation/fields';
import { AuthUser, toTokenPayload } from './auth-user';
import { LoginThrottle } from './login-throttle/login-throttle';
import { DUMMY_HASH, verifyPassword } from './password-hasher';

export interface LoginResult {
  accessToken: string;
  user: AuthUser;
}

const WRONG_CREDENTIALS = '用户名或密码错误';

@Injectable()
export class AuthService {
  constructor(
    private readonly directory: AccountDirectory,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Reads the user's own stream, so an account is usable the moment it is registered. `ip` is the
   * client's address, for the brute-force protection.
   */
  async login(username: string, password: string, ip: string): Promise<LoginResult> {
    const attempt = this.throttle.admit(username, ip);
    let found: { user: UserRecord; revision: number } | null;
    try {
      found = await this.checkCredentials(username, password);
    } catch (error) {
      attempt.abandoned();
      throw error;
    }
    if (!found) {
      attempt.failed();
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    attempt.succeeded();
    return this.issue(found.user, found.revision);
  }

  /** A fresh token for `user`, whose stream was read at `revision`. */
  async issue(user: UserRecord, revision: number): Promise<LoginResult> {
    const authUser = toAuthUser(user);
    const payload = toTokenPayload(authUser, { jti: randomUUID(), rev: revision });
    return { accessToken: await this.jwt.signAsync(payload), user: authUser };
  }

  /** The user when the password is theirs, else null (unknown name or wrong password alike). */
  async checkPassword(username: string, password: string): Promise<UserRecord | null> {
    return (await this.checkCredentials(username, password))?.user ?? null;
  }

  /**
   * The active user and their stream's revision when the password is theirs, else null: an
   * unknown name, a wrong password and a deactivated account look the same (no enumeration).
   */
  private async checkCredentials(username: string, password: string): Promise<{ user: UserRecord; revision: number } | null> {
    const userId = username.trim().toLowerCase();
    const found = USER_ID_PATTERN.test(userId) ? await this.directory.findUserWithRevision(userId) : null;
    // A missing user still costs one hash, so response times do not reveal which names exist.
    const matches = await verifyPassword(password, found?.user.passwordHash ?? DUMMY_HASH);
    return found && matches && found.user.status === 'registered' ? found : null;
  }
}

export function toAuthUser(user: UserRecord): AuthUser {
  const authUser: AuthUser = { id: user.userId, username: user.userId, role: user.role, displayName: user.displayName };
  if (user.unitId !== undefined) authUser.unitId = user.unitId;
  if (user.mustChangePassword) authUser.mustChangePassword = true;
  return authUser;
}
