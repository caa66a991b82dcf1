import * as path from 'node:path';
import { RULEBOOK_IDS } from '@duban/domain';
import { EventStoreConfigError, eventStoreConfigFromEnv } from '@duban/event-store';
import { AppConfig, ClockMode, EventStoreConfig } from './app-config';
import { ConfigError } from './config-error';
import { parseAuditSettings } from './parse-audit-settings';
import { parseEdgeSettings } from './parse-edge-settings';
import { parseSchedulerSettings } from '../scheduler/scheduler-settings';

/** Only for development and tests: production refuses to start with it. */
export const DEV_JWT_SECRET = 'duban-dev-only-secret-never-use-in-production';
const MIN_SECRET_LENGTH = 32;

type Env = Record<string, string | undefined>;

/**
 * Reads and checks the environment. Every problem is collected so an operator fixes them in
 * one go instead of one restart per mistake. Relative paths are resolved against `cwd`.
 */
export function loadConfig(env: Env, cwd: string = process.cwd()): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const nodeEnv = read('NODE_ENV') ?? 'development';
  const production = nodeEnv === 'production';

  const port = parsePort(read('PORT'), problems);
  const host = read('HOST') ?? '0.0.0.0';

  const store = parseEventStore(env, cwd, problems);
  const audit = parseAuditSettings(read, env, cwd, store, production, problems);
  const eventStore: EventStoreConfig = audit.keySource ? { ...store, auditKey: audit.keySource } : store;
  const readModelPath = path.resolve(cwd, read('READ_MODEL_PATH') ?? 'data/read-model.sqlite');
  const rulebookId = read('RULEBOOK') ?? 'national';
  if (!(RULEBOOK_IDS as readonly string[]).includes(rulebookId)) {
    problems.push(`RULEBOOK：「${rulebookId}」不是已知的办理规则，可选：${RULEBOOK_IDS.join('、')}`);
  }
  const overrides = read('CALENDAR_OVERRIDES_PATH');
  const calendarOverridesPath = overrides === undefined ? undefined : path.resolve(cwd, overrides);

  const jwtSecret = read('JWT_SECRET') ?? (production ? '' : DEV_JWT_SECRET);
  if (production) {
    if (jwtSecret === '' || jwtSecret === DEV_JWT_SECRET) {
      problems.push('JWT_SECRET：生产环境必须设置自己的密钥（不能使用默认开发密钥）');
    } else if (jwtSecret.length < MIN_SECRET_LENGTH) {
      problems.push(`JWT_SECRET：生产环境的密钥至少需要 ${MIN_SECRET_LENGTH} 个字符`);
    }
  }
  const jwtExpiresIn = read('JWT_EXPIRES_IN') ?? '8h';
  if (!/^\d+[smhd]?$/.test(jwtExpiresIn)) {
    problems.push(`JWT_EXPIRES_IN：「${jwtExpiresIn}」格式无效，应为数字加单位，例如 8h、30m`);
  }

  const clock = parseClock(read('CLOCK'), production, problems);

  const bootstrapAdminPassword = read('AUTH_BOOTSTRAP_ADMIN_PASSWORD');
  if (bootstrapAdminPassword !== undefined && bootstrapAdminPassword.length < 8) {
    problems.push('AUTH_BOOTSTRAP_ADMIN_PASSWORD：初始管理员密码至少需要 8 个字符');
  }

  const demoData = parseDemoData(read('DEMO_DATA'), production, problems);

  const webDistPath = path.resolve(cwd, read('WEB_DIST_PATH') ?? 'apps/web/dist');
  const jsonBodyLimit = read('JSON_BODY_LIMIT') ?? '1mb';
  if (!/^\d+(kb|mb)$/i.test(jsonBodyLimit)) {
    problems.push(`JSON_BODY_LIMIT：「${jsonBodyLimit}」格式无效，应为例如 512kb 或 1mb`);
  }

  const edge = parseEdgeSettings(read, problems);
  const scheduler = parseSchedulerSettings(read, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    nodeEnv,
    production,
    port,
    host,
    eventStore,
    readModelPath,
    rulebookId,
    calendarOverridesPath,
    jwtSecret,
    jwtExpiresIn,
    clock,
    bootstrapAdminPassword,
    demoData,
    webDistPath,
    jsonBodyLimit,
    ...edge,
    scheduler,
    audit: audit.settings,
  };
}

function parsePort(value: string | undefined, problems: string[]): number {
  if (value === undefined) return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT：「${value}」不是有效的端口号（0–65535）`);
    return 3000;
  }
  return port;
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

function parseClock(value: string | undefined, production: boolean, problems: string[]): ClockMode {
  const clock = value ?? 'system';
  if (clock !== 'system' && clock !== 'manual') {
    problems.push(`CLOCK：「${clock}」无效，只能是 system 或 manual`);
    return 'system';
  }
  if (clock === 'manual' && production) {
    problems.push('CLOCK：生产环境不允许使用手动时钟（CLOCK=manual）');
  }
  return clock;
}

const TRUE_WORDS = ['1', 'true', 'on', 'yes'];
const FALSE_WORDS = ['0', 'false', 'off', 'no'];

function parseDemoData(value: string | undefined, production: boolean, problems: string[]): boolean {
  if (value === undefined) return !production;
  const word = value.toLowerCase();
  if (TRUE_WORDS.includes(word)) {
    if (production) {
      problems.push('DEMO_DATA：生产环境从不加载演示数据，请删除该设置或设为 off');
      return false;
    }
    return true;
  }
  if (FALSE_WORDS.includes(word)) return false;
  problems.push(`DEMO_DATA：「${value}」无效，只能是 on 或 off`);
  return false;
}
