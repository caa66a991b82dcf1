import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '../apps/api/src/config/config-error';
import { DEV_JWT_SECRET } from '../apps/api/src/config/load-config';
import { startTestApp, TestApp } from './support/test-app';

const REAL_SECRET = 'a-real-production-secret-of-at-least-32-characters';

/** Production settings as an operator would get them wrong, started for real. */
describe('production configuration', () => {
  async function startFails(env: Record<string, string>): Promise<ConfigError> {
    const error = await startTestApp({ NODE_ENV: 'production', CLOCK: 'system', DEMO_DATA: '', ...env }).then(
      async (t) => {
        await t.dispose();
        throw new Error('the service started');
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }

  it('refuses to start without a JWT secret', async () => {
    const error = await startFails({});
    expect(error.problems).toEqual([expect.stringContaining('JWT_SECRET')]);
  });

  it('refuses the default development secret and a short one', async () => {
    expect((await startFails({ JWT_SECRET: DEV_JWT_SECRET })).problems[0]).toContain('JWT_SECRET');
    expect((await startFails({ JWT_SECRET: 'short-secret' })).problems[0]).toContain('至少需要 32 个字符');
  });

  it('refuses CLOCK=manual', async () => {
    const error = await startFails({ JWT_SECRET: REAL_SECRET, CLOCK: 'manual' });
    expect(error.problems).toEqual([expect.stringContaining('CLOCK')]);
  });

  it('refuses to load demo data', async () => {
    const error = await startFails({ JWT_SECRET: REAL_SECRET, DEMO_DATA: 'on' });
    expect(error.problems).toEqual([expect.stringContaining('DEMO_DATA')]);
  });

  it('lists every problem at once', async () => {
    const error = await startFails({ CLOCK: 'manual', PORT: 'eighty' });
    expect(error.problems).toHaveLength(3);
    expect(error.message).toContain('配置无效');
  });

  describe('with a real secret', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ NODE_ENV: 'production', CLOCK: 'system', DEMO_DATA: '', JWT_SECRET: REAL_SECRET });
    });
    afterAll(() => t.dispose());

    it('starts with the system clock, no test clock and no demo data', async () => {
      const login = await t.http.post('/api/auth/login', { username: 'admin', password: 'admin-e2e-password' });
      expect(login.status).toBe(200);
      // The bootstrap admin replaces the first password before anything else (account-administration.e2e-spec.ts).
      const changed = await t.http.post('/api/auth/password', { currentPassword: 'admin-e2e-password', newPassword: 'chosen-admin-password' }, { token: login.body.accessToken });
      expect(changed.status).toBe(200);
      const token = (await t.http.post('/api/auth/login', { username: 'admin', password: 'chosen-admin-password' })).body.accessToken;
      expect((await t.http.get('/api/test-clock', { token })).status).toBe(404);
      const health = await t.http.get('/api/health');
      expect(health.body.clock.mode).toBe('system');
      const users = await t.http.get(`/api/users?after=${health.body.store.head}`, { token });
      expect(users.body.map((u: { id: string }) => u.id)).toEqual(['admin']);
      expect((await t.http.post('/api/auth/login', { username: 'daibiao1', password: 'demo1234' })).status).toBe(401);
    });
  });
});

describe('a broken calendar override file', () => {
  it('stops the start with an error naming the setting and the bad entry', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'duban-calendar-'));
    const file = path.join(dir, 'overrides.json');
    writeFileSync(file, JSON.stringify({ years: { '2031': { holidays: ['2031-13-01'], workdays: [] } } }));
    try {
      const error = await startTestApp({ CALENDAR_OVERRIDES_PATH: file }, dir).then(
        async (t) => {
          await t.dispose();
          throw new Error('the service started');
        },
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems[0]).toMatch(/CALENDAR_OVERRIDES_PATH.*2031-13-01/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
