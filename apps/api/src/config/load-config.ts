import { attachmentsPathFromEnv, EventStoreConfigError, eventStoreConfigFromEnv } from '@duban/event-store';
import type { AppConfig, EventStoreConfig } from './app-config';
import { ConfigError } from './config-error';
import { environmentSchema } from './environment-schema';
import { parseAuditSettings } from './parse-audit-settings';

export { DEV_JWT_SECRET, LOGIN_DEFAULTS } from './environment-schema';

type Env = Record<string, string | undefined>;

/**
 * Reads and checks the environment against one schema. Every problem is collected, each as
 * `VARIABLE：原因`, so an operator fixes them in one go instead of one restart per mistake.
 * Relative paths are resolved against `cwd`.
 */
export function loadConfig(env: Env, cwd: string = process.cwd()): AppConfig {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV?.trim() || 'development';
  const production = nodeEnv === 'production';

  const parsed = environmentSchema(production, cwd).safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}：${issue.message}`);
  }
  const store = parseEventStore(env, cwd, problems);
  const vars = parsed.data;
  const audit = parseAuditSettings(
    env,
    cwd,
    store,
    production,
    { dir: vars?.AUDIT_SEAL_DIR, intervalMinutes: vars?.AUDIT_SEAL_INTERVAL_MINUTES ?? 60 },
    problems,
  );
  if (problems.length > 0 || vars === undefined) throw new ConfigError(problems);

  return {
    nodeEnv,
    production,
    port: vars.PORT,
    host: vars.HOST,
    eventStore: audit.keySource ? { ...store, auditKey: audit.keySource } : store,
    readModelPath: vars.READ_MODEL_PATH,
    rulebookId: vars.RULEBOOK,
    calendarOverridesPath: vars.CALENDAR_OVERRIDES_PATH,
    jwtSecret: vars.JWT_SECRET,
    jwtExpiresIn: vars.JWT_EXPIRES_IN,
    clock: vars.CLOCK,
    bootstrapAdminPassword: vars.AUTH_BOOTSTRAP_ADMIN_PASSWORD,
    demoData: vars.DEMO_DATA,
    webDistPath: vars.WEB_DIST_PATH,
    jsonBodyLimit: vars.JSON_BODY_LIMIT,
    corsOrigins: vars.CORS_ORIGINS,
    trustProxy: vars.TRUST_PROXY,
    login: {
      maxFailuresPerUser: vars.LOGIN_MAX_FAILURES,
      maxFailuresPerIp: vars.LOGIN_MAX_FAILURES_PER_IP,
      lockoutMinutes: vars.LOGIN_LOCKOUT_MINUTES,
      attemptsPerMinutePerIp: vars.LOGIN_RATE_PER_MINUTE,
    },
    logLevel: vars.LOG_LEVEL,
    ...(vars.METRICS_TOKEN === undefined ? {} : { metricsToken: vars.METRICS_TOKEN }),
    scheduler: { enabled: vars.SCHEDULER, intervalMs: vars.SCHEDULER_INTERVAL_MS },
    audit: audit.settings,
    attachments: {
      path: attachmentsPathFromEnv(env, cwd),
      maxBytes: vars.ATTACHMENT_MAX_MB * 1024 * 1024,
      graceMs: vars.ATTACHMENT_GRACE_HOURS * 3_600_000,
    },
  };
}

/**
 * The event store's settings as the library reads them (one parser for the api and the CLIs),
 * with a refused setting collected as a problem like the others.
 */
function parseEventStore(env: Env, cwd: string, problems: string[]): EventStoreConfig {
  try {
    return eventStoreConfigFromEnv(env, cwd);
  } catch (error) {
    if (!(error instanceof EventStoreConfigError)) throw error;
    problems.push(error.message);
    return { kind: 'sqlite', path: '' };
  }
}
