import { Injectable, UnauthorizedException } from '@nestjs/common';
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
    this.throttle.admit(username, ip);
    const user = await this.checkPassword(username, password);
    if (!user) {
      this.throttle.failed(username, ip);
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    this.throttle.succeeded(username);
    const authUser = toAuthUser(user);
    return { accessToken: await this.jwt.signAsync(toTokenPayload(authUser)), user: authUser };
  }

  /** The user when the password is theirs, else null (unknown name or wrong password alike). */
  async checkPassword(username: string, password: string): Promise<UserRecord | null> {
    const userId = username.trim().toLowerCase();
    const user = USER_ID_PATTERN.test(userId) ? await this.directory.findUser(userId) : null;
    // A missing user still costs one hash, so response times do not reveal which names exist.
    const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    return user && matches ? user : null;
  }
}

export function toAuthUser(user: UserRecord): AuthUser {
  const authUser: AuthUser = { id: user.userId, username: user.userId, role: user.role, displayName: user.displayName };
  if (user.unitId !== undefined) authUser.unitId = user.unitId;
  return authUser;
}
