import { ConfigError } from './config-error';
import { DEV_JWT_SECRET, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('gives a working development setup with no environment at all', () => {
    const config = loadConfig({}, '/srv/duban');
    expect(config).toMatchObject({
      production: false,
      port: 3000,
      host: '0.0.0.0',
      eventStore: { kind: 'sqlite', path: '/srv/duban/data/duban.sqlite', synchronous: 'full' },
      readModelPath: '/srv/duban/data/read-model.sqlite',
      rulebookId: 'national',
      jwtSecret: DEV_JWT_SECRET,
      jwtExpiresIn: '8h',
      clock: 'system',
      demoData: true,
      webDistPath: '/srv/duban/apps/web/dist',
    });
  });

  it('reads every setting', () => {
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        PORT: '8080',
        HOST: '127.0.0.1',
        EVENT_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
        EVENTSTORE_STREAM_NAMESPACE: 'county-a.',
        READ_MODEL_PATH: '/var/lib/duban/rm.sqlite',
        RULEBOOK: 'chongqing',
        CALENDAR_OVERRIDES_PATH: 'calendar.json',
        JWT_SECRET: 'x'.repeat(40),
        JWT_EXPIRES_IN: '30m',
        AUTH_BOOTSTRAP_ADMIN_PASSWORD: 'a-long-password',
        AUDIT_KEY: 'ab'.repeat(32),
        AUDIT_SEAL_DIR: '/var/lib/duban-seals',
        AUDIT_SEAL_INTERVAL_MINUTES: '15',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      production: true,
      port: 8080,
      host: '127.0.0.1',
      eventStore: { kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false', streamNamespace: 'county-a.' },
      readModelPath: '/var/lib/duban/rm.sqlite',
      rulebookId: 'chongqing',
      calendarOverridesPath: '/srv/calendar.json',
      jwtExpiresIn: '30m',
      bootstrapAdminPassword: 'a-long-password',
      demoData: false,
      audit: { sealDir: '/var/lib/duban-seals', sealIntervalMinutes: 15 },
    });
    expect(config.eventStore.auditKey).toMatchObject({ kind: 'env', key: expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f]{16}$/) }) });
  });

  it.each([
    [{ RULEBOOK: 'atlantis' }, 'RULEBOOK'],
    [{ EVENT_STORE: 'postgres' }, 'EVENT_STORE'],
    [{ EVENT_STORE: 'eventstoredb' }, 'EVENTSTORE_CONNECTION_STRING'],
    [{ EVENT_STORE_SYNC: 'off' }, 'EVENT_STORE_SYNC'],
    [{ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113', EVENTSTORE_STREAM_NAMESPACE: '$all' }, 'EVENTSTORE_STREAM_NAMESPACE'],
    [{ CLOCK: 'sundial' }, 'CLOCK'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
    [{ PORT: '70000' }, 'PORT'],
    [{ JWT_EXPIRES_IN: 'forever' }, 'JWT_EXPIRES_IN'],
    [{ AUTH_BOOTSTRAP_ADMIN_PASSWORD: 'short' }, 'AUTH_BOOTSTRAP_ADMIN_PASSWORD'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://ok.example, https://ok.example/path' }, 'CORS_ORIGINS'],
    [{ LOGIN_MAX_FAILURES: '0' }, 'LOGIN_MAX_FAILURES'],
    [{ LOGIN_LOCKOUT_MINUTES: 'soon' }, 'LOGIN_LOCKOUT_MINUTES'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
  ])('rejects %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([expect.stringContaining(name)]);
    }
  });

  it('reads the edge settings: CORS allow-list, proxy, login limits, log level, metrics token', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://duban.example.gov.cn, http://localhost:5173/',
      TRUST_PROXY: '1',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_MAX_FAILURES_PER_IP: '10',
      LOGIN_LOCKOUT_MINUTES: '30',
      LOGIN_RATE_PER_MINUTE: '12',
      LOG_LEVEL: 'WARN',
      METRICS_TOKEN: 'a-scrape-token-of-some-length',
    });
    expect(config).toMatchObject({
      corsOrigins: ['https://duban.example.gov.cn', 'http://localhost:5173'],
      trustProxy: 1,
      login: { maxFailuresPerUser: 3, maxFailuresPerIp: 10, lockoutMinutes: 30, attemptsPerMinutePerIp: 12 },
      logLevel: 'warn',
      metricsToken: 'a-scrape-token-of-some-length',
    });
    expect(loadConfig({})).toMatchObject({
      corsOrigins: [],
      trustProxy: false,
      login: { maxFailuresPerUser: 5, maxFailuresPerIp: 20, lockoutMinutes: 15, attemptsPerMinutePerIp: 30 },
      logLevel: 'info',
    });
    expect(loadConfig({}).metricsToken).toBeUndefined();
  });

  it('in production needs its own JWT secret and never runs a manual clock or demo data', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ NODE_ENV: 'production', AUDIT_KEY: 'ab'.repeat(32), ...env });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({})).toEqual([expect.stringContaining('JWT_SECRET')]);
    expect(problems({ JWT_SECRET: DEV_JWT_SECRET })).toEqual([expect.stringContaining('JWT_SECRET')]);
    expect(problems({ JWT_SECRET: 'x'.repeat(31) })).toEqual([expect.stringContaining('32')]);
    expect(problems({ JWT_SECRET: 'x'.repeat(32), CLOCK: 'manual' })).toEqual([expect.stringContaining('CLOCK')]);
    expect(problems({ JWT_SECRET: 'x'.repeat(32), DEMO_DATA: 'true' })).toEqual([expect.stringContaining('DEMO_DATA')]);
    expect(problems({ JWT_SECRET: 'x'.repeat(32) })).toEqual([]);
    expect(problems({ JWT_SECRET: 'x'.repeat(32), AUDIT_KEY: '' })).toEqual([expect.stringContaining('AUDIT_KEY：生产环境必须设置审计密钥')]);
    expect(problems({ JWT_SECRET: 'x'.repeat(32), AUDIT_KEY: 'ab'.repeat(16) })).toEqual([expect.stringContaining('至少需要 32 字节')]);
  });

  it('keeps the development audit key and the seals beside the data folder, not in it', () => {
    const config = loadConfig({}, '/srv/duban');
    expect(config.eventStore.auditKey).toEqual({ kind: 'dev-file', path: '/srv/duban/data-audit/audit.key' });
    expect(config.audit).toEqual({ sealDir: '/srv/duban/data-audit/seals', sealIntervalMinutes: 60 });
    expect(() => loadConfig({ AUDIT_SEAL_INTERVAL_MINUTES: 'hourly' })).toThrow(ConfigError);
  });

  it('names every wrong variable with its reason, all in one error', () => {
    const error = catchConfigError({ PORT: 'eighty', LOG_LEVEL: 'LOUD', SCHEDULER_INTERVAL_MS: '10', HOST: 'db.example' });
    expect(error.problems).toEqual([
      'PORT：「eighty」不是有效的端口号（0–65535）',
      'LOG_LEVEL：「LOUD」无效，可选：fatal、error、warn、info、debug、trace、silent',
      'SCHEDULER_INTERVAL_MS：「10」应为 100–86400000 之间的整数（毫秒）',
    ]);
    expect(error.message).toContain('配置无效');
    expect(error.message).toContain('  - PORT：');
  });

  it('reports each bad CORS origin, and the library-read store and audit key settings beside the others', () => {
    const error = catchConfigError({ CORS_ORIGINS: '*, https://ok.example, ftp://files.example', EVENT_STORE: 'postgres', PORT: '-1' });
    expect(error.problems).toHaveLength(4);
    expect(error.problems.filter((p) => p.startsWith('CORS_ORIGINS：'))).toEqual([expect.stringContaining('「*」'), expect.stringContaining('「ftp://files.example」')]);
    expect(error.problems).toContainEqual(expect.stringContaining('EVENT_STORE：'));
    expect(error.problems).toContainEqual(expect.stringContaining('PORT：「-1」'));
  });

  it('treats an empty or blank variable as unset, so its default applies', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '  ', DEMO_DATA: '', METRICS_TOKEN: ' ' })).toMatchObject({ port: 3000, logLevel: 'info', demoData: true });
    expect(loadConfig({ METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
  });

  it('runs the deadline scheduler every 30 s by default; SCHEDULER=off and SCHEDULER_INTERVAL_MS change that', () => {
    expect(loadConfig({}).scheduler).toEqual({ enabled: true, intervalMs: 30_000 });
    expect(loadConfig({ SCHEDULER: 'off', SCHEDULER_INTERVAL_MS: '5000' }).scheduler).toEqual({ enabled: false, intervalMs: 5000 });
    expect(loadConfig({ SCHEDULER: 'ON' }).scheduler?.enabled).toBe(true);
    expect(catchConfigError({ SCHEDULER: 'sometimes', SCHEDULER_INTERVAL_MS: '1.5' }).problems).toEqual([
      'SCHEDULER：「sometimes」无效，只能是 on 或 off',
      'SCHEDULER_INTERVAL_MS：「1.5」应为 100–86400000 之间的整数（毫秒）',
    ]);
  });
});

function catchConfigError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}
