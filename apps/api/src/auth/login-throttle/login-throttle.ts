import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../clock/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { ApiMetrics } from '../../observability/metrics/api-metrics';
import { AttemptCounter } from './attempt-counter';
import { RateWindow } from './rate-window';
import { TooManyAttemptsException } from './too-many-attempts.exception';

const MINUTE = 60_000;

/** One admitted login attempt: exactly one of these is called once its password check is over. */
export interface LoginAttempt {
  failed(): void;
  succeeded(): void;
  /** The check could not be made (an error): the slots are given back uncounted. */
  abandoned(): void;
}

/**
 * Brute-force protection of the login: a rate limit per client address, and a temporary lock of a
 * username, or of an address, after repeated failures. Unknown usernames are counted and locked
 * like real ones, so a lock tells nothing about which names exist. Every attempt takes its
 * slots before the password is checked, so no burst gets more checks than the limits allow, and
 * refused attempts cost no scrypt work.
 * State is in memory, per process (see AttemptCounter). Locks run on the service's Clock, so a
 * test can move past one; the rate limit on wall time.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger('login-throttle');
  private readonly users: AttemptCounter;
  private readonly addresses: AttemptCounter;
  private readonly rate: RateWindow;
  private readonly lockMinutes: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly metrics: ApiMetrics,
  ) {
    const limits = config.login;
    this.lockMinutes = limits.lockoutMinutes;
    this.users = new AttemptCounter(limits.maxFailuresPerUser, limits.lockoutMinutes * MINUTE);
    this.addresses = new AttemptCounter(limits.maxFailuresPerIp, limits.lockoutMinutes * MINUTE);
    this.rate = new RateWindow(limits.attemptsPerMinutePerIp, MINUTE);
  }

  /**
   * Takes this attempt's slots (username and address) before the password is checked, or throws
   * 429. Synchronous on purpose: requests arriving together cannot all pass before the first
   * failures are counted. The caller reports the check's result on the returned attempt.
   */
  admit(username: string, ip: string): LoginAttempt {
    const now = this.now();
    const user = userKey(username);
    const userWait = this.users.reserve(user, now);
    if (userWait > 0) this.refuse('user', 'login_locked', `登录失败次数过多，该账号已被临时锁定，请 ${minutes(userWait)} 分钟后再试`, userWait);
    const addressWait = this.addresses.reserve(ip, now);
    if (addressWait > 0) {
      this.users.release(user);
      this.refuse('ip', 'login_locked', `来自当前网络地址的登录失败次数过多，已被临时限制，请 ${minutes(addressWait)} 分钟后再试`, addressWait);
    }
    // Pacing is about real time even under a manual test clock, which stands still between steps.
    const wait = this.rate.take(ip, Date.now());
    if (wait > 0) {
      this.users.release(user);
      this.addresses.release(ip);
      this.refuse('rate', 'login_rate_limited', `登录尝试过于频繁，请 ${Math.ceil(wait / 1000)} 秒后再试`, wait);
    }
    return {
      failed: () => this.failed(user, ip),
      succeeded: () => {
        // The address only gets its slot back: one valid account must not wipe an address's
        // record of guessing others.
        this.users.succeed(user);
        this.addresses.release(ip);
      },
      abandoned: () => {
        this.users.release(user);
        this.addresses.release(ip);
      },
    };
  }

  private failed(user: string, ip: string): void {
    const now = this.now();
    const userLock = this.users.fail(user, now);
    const addressLock = this.addresses.fail(ip, now);
    if (userLock > 0 || addressLock > 0) {
      this.logger.warn(`login locked for ${this.lockMinutes} min: ${userLock > 0 ? `user "${user}"` : ''}${userLock > 0 && addressLock > 0 ? ' and ' : ''}${addressLock > 0 ? `address ${ip}` : ''}`);
    }
  }

  private refuse(scope: 'user' | 'ip' | 'rate', code: 'login_locked' | 'login_rate_limited', message: string, ms: number): never {
    this.metrics.loginLockouts.inc({ scope });
    throw new TooManyAttemptsException(code, message, Math.max(1, Math.ceil(ms / 1000)));
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}

function userKey(username: string): string {
  return username.trim().toLowerCase();
}

function minutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / MINUTE));
}
