import { createOrganisation, login, Organisation, PASSWORD } from './support/organisation';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';

const WRONG = 'not-the-password';

/**
 * The service's edge: brute-force protection of the login (a lock per username and per address,
 * and a rate limit), token expiry, security headers and the CORS allow-list. The JWT secret
 * required in production is covered by production-config.e2e-spec.ts.
 */
describe('sessions and the edge', () => {
  describe('with the default limits (5 failures lock a username for 15 minutes)', () => {
    let t: TestApp;
    let org: Organisation;
    const attempt = (username: string, password: string) => t.http.post('/api/auth/login', { username, password });

    beforeAll(async () => {
      t = await startTestApp();
      org = await createOrganisation(t.http);
    });
    afterAll(() => t?.dispose());

    it('locks a username after 5 failed logins, even for the right password, and says for how long', async () => {
      for (let i = 0; i < 5; i++) expect((await attempt('deputy2', WRONG)).status).toBe(401);
      const locked = await attempt('deputy2', PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ statusCode: 429, code: 'login_locked' });
      expect(locked.body.message).toBe('登录失败次数过多，该账号已被临时锁定，请 15 分钟后再试');
      expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60);
      // Other people are not affected by someone guessing at deputy2.
      await expect(login(t.http, 'deputy3', PASSWORD)).resolves.toMatchObject({ id: 'deputy3' });
    });

    it('counts unknown usernames like real ones, so a lock reveals nothing', async () => {
      for (let i = 0; i < 5; i++) expect((await attempt('nobody-here', WRONG)).status).toBe(401);
      expect((await attempt('nobody-here', WRONG)).status).toBe(429);
    });

    it('a success clears the count: failures must be consecutive', async () => {
      for (let i = 0; i < 4; i++) expect((await attempt('deputy1', WRONG)).status).toBe(401);
      await login(t.http, 'deputy1', PASSWORD);
      for (let i = 0; i < 4; i++) expect((await attempt('deputy1', WRONG)).status).toBe(401);
      await expect(login(t.http, 'deputy1', PASSWORD)).resolves.toMatchObject({ id: 'deputy1' });
    });

    it('the lock ends after 15 minutes', async () => {
      const now = (await t.http.get('/api/test-clock', { token: org.admin.token })).body.now as string;
      const at = (ms: number) => t.http.post('/api/test-clock', { now: new Date(Date.parse(now) + ms).toISOString() }, { token: org.admin.token });
      await at(14 * 60_000);
      expect((await attempt('deputy2', PASSWORD)).status).toBe(429);
      await at(15 * 60_000 + 1000);
      await expect(login(t.http, 'deputy2', PASSWORD)).resolves.toMatchObject({ id: 'deputy2' });
    });

    it('sends the security headers (helmet) on every answer', async () => {
      for (const response of [await t.http.get('/api/health'), await t.http.get('/api/suggestions')]) {
        const h = response.headers;
        expect(h.get('content-security-policy')).toContain("default-src 'self'");
        expect(h.get('content-security-policy')).toContain("frame-ancestors 'self'");
        expect(h.get('x-content-type-options')).toBe('nosniff');
        expect(h.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(h.get('referrer-policy')).toBe('no-referrer');
        expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
        expect(h.get('cross-origin-resource-policy')).toBe('same-origin');
        expect(h.get('x-powered-by')).toBeNull();
        // HSTS belongs to the TLS-terminating proxy (documented), not to a service often reached over plain HTTP.
        expect(h.get('strict-transport-security')).toBeNull();
      }
    });

    it('without CORS_ORIGINS, no other site may read answers (no CORS headers, preflight refused)', async () => {
      const origin = 'https://evil.example';
      const read = await t.http.get('/api/health', { headers: { origin } });
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${t.baseUrl}/api/suggestions`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.status).toBeGreaterThanOrEqual(400);
    });
  });

  describe('per address, and the rate limit', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ LOGIN_MAX_FAILURES: '100', LOGIN_MAX_FAILURES_PER_IP: '3', LOGIN_RATE_PER_MINUTE: '1000' });
      await createOrganisation(t.http);
    });
    afterAll(() => t?.dispose());

    it('locks an address that keeps failing, whichever names it tries', async () => {
      for (const name of ['deputy1', 'deputy2', 'staff1']) {
        expect((await t.http.post('/api/auth/login', { username: name, password: WRONG })).status).toBe(401);
      }
      const locked = await t.http.post('/api/auth/login', { username: 'deputy3', password: PASSWORD });
      expect(locked.status).toBe(429);
      expect(locked.body.message).toMatch(/^来自当前网络地址的登录失败次数过多/);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('the login rate limit', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ LOGIN_RATE_PER_MINUTE: '5' });
    });
    afterAll(() => t?.dispose());

    it('refuses the 6th login attempt within a minute from one address, right password or not', async () => {
      for (let i = 0; i < 5; i++) {
        expect((await t.http.post('/api/auth/login', { username: 'admin', password: TEST_ADMIN_PASSWORD })).status).toBe(200);
      }
      const limited = await t.http.post('/api/auth/login', { username: 'admin', password: TEST_ADMIN_PASSWORD });
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ code: 'login_rate_limited', message: expect.stringMatching(/^登录尝试过于频繁，请 \d+ 秒后再试$/) });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    });
  });

  describe('token lifetime and a CORS allow-list', () => {
    let t: TestApp;
    const allowed = 'https://duban.example.gov.cn';
    beforeAll(async () => {
      t = await startTestApp({ JWT_EXPIRES_IN: '1s', CORS_ORIGINS: `${allowed}, http://localhost:5173` });
    });
    afterAll(() => t?.dispose());

    it('a token stops working when it expires (JWT_EXPIRES_IN)', async () => {
      const admin = await login(t.http, 'admin', TEST_ADMIN_PASSWORD);
      expect((await t.http.get('/api/auth/me', { token: admin.token })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const expired = await t.http.get('/api/auth/me', { token: admin.token });
      expect(expired.status).toBe(401);
      expect(expired.body.message).toBe('登录已失效，请重新登录');
    });

    it('answers an allowed origin with CORS headers, including the preflight', async () => {
      const read = await t.http.get('/api/health', { headers: { origin: allowed } });
      expect(read.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(read.headers.get('access-control-expose-headers')).toContain('ETag');
      const preflight = await fetch(`${t.baseUrl}/api/suggestions/x/accept`, {
        method: 'OPTIONS',
        headers: { origin: allowed, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key,if-match' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    });

    it('gives an origin that is not on the list nothing to read', async () => {
      const read = await t.http.get('/api/health', { headers: { origin: 'https://duban.example.gov.cn.evil.example' } });
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${t.baseUrl}/api/suggestions`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5174', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
