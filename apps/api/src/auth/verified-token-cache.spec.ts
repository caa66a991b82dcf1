import type { TokenPayload } from './auth-user';
import { VerifiedTokenCache } from './verified-token-cache';

const payload = (sub: string, expSeconds?: number): TokenPayload & { exp?: number } => ({
  sub,
  jti: `jti-${sub}`,
  rev: 0,
  role: 'deputy',
  name: '张伟',
  ...(expSeconds === undefined ? {} : { exp: expSeconds }),
});

describe('VerifiedTokenCache', () => {
  const now = Date.UTC(2026, 10, 22, 8, 0, 0);
  const inAnHour = now / 1000 + 3600;

  it('answers a remembered token until the second its exp names, then no more', () => {
    const cache = new VerifiedTokenCache();
    cache.remember('token-a', payload('daibiao1', inAnHour));
    expect(cache.get('token-a', now)?.sub).toBe('daibiao1');
    expect(cache.get('token-a', inAnHour * 1000 - 1)?.sub).toBe('daibiao1');
    expect(cache.get('token-a', inAnHour * 1000)).toBeUndefined();
    // Gone for good: an expired token is not answered again even if the clock went back.
    expect(cache.get('token-a', now)).toBeUndefined();
  });

  it('never keeps a token without exp, and knows nothing of tokens it was not given', () => {
    const cache = new VerifiedTokenCache();
    cache.remember('token-forever', payload('daibiao1'));
    expect(cache.get('token-forever', now)).toBeUndefined();
    expect(cache.get('token-other', now)).toBeUndefined();
  });

  it('holds at most its capacity, dropping the oldest first', () => {
    const cache = new VerifiedTokenCache(2);
    cache.remember('t1', payload('u1', inAnHour));
    cache.remember('t2', payload('u2', inAnHour));
    cache.remember('t3', payload('u3', inAnHour));
    expect(cache.size).toBe(2);
    expect(cache.get('t1', now)).toBeUndefined();
    expect([cache.get('t2', now)?.sub, cache.get('t3', now)?.sub]).toEqual(['u2', 'u3']);
  });
});
