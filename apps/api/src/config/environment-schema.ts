import * as path from 'node:path';
import { z } from 'zod';
import { RULEBOOK_IDS } from '@duban/domain';
import { SCHEDULER_DEFAULTS } from '../scheduler/scheduler-settings';
import { ATTACHMENT_DEFAULTS } from '../attachments/attachment-settings';
import { LOG_LEVELS, type LoginLimits } from './app-config';
import { envValue, integerIn, matching, oneOf, onOff } from './env-values';

/** Only for development and tests: production refuses to start with it. */
export const DEV_JWT_SECRET = 'duban-dev-only-secret-never-use-in-production';
const MIN_SECRET_LENGTH = 32;
const METRICS_TOKEN_MIN = 16;
const MAX_SEAL_INTERVAL_MINUTES = 7 * 24 * 60;
const SCHEDULER_INTERVAL_MS = { min: 100, max: 24 * 60 * 60 * 1000 };

export const LOGIN_DEFAULTS: LoginLimits = {
  maxFailuresPerUser: 5,
  maxFailuresPerIp: 20,
  lockoutMinutes: 15,
  attemptsPerMinutePerIp: 30,
};

const loginLimit = (fallback: number) => envValue(integerIn(1, 1_000_000, '应为正整数').default(fallback));

/**
 * Every variable the service reads itself, its default and its rule, in one place. The event
 * store's variables (EVENT_STORE, EVENTSTORE_*, EVENT_STORE_SYNC) and the audit key (AUDIT_KEY,
 * AUDIT_KEY_FILE) are read by @duban/event-store, which the command-line tools share.
 *
 * Production tightens a few rules (its own JWT secret, no manual clock, no demo data), so the
 * schema is made for the environment NODE_ENV names. Relative paths are resolved against `cwd`.
 */
export function environmentSchema(production: boolean, cwd: string) {
  const resolvedPath = (fallback: string) => envValue(z.string().default(fallback)).transform((p) => path.resolve(cwd, p));
  return z.object({
    PORT: envValue(integerIn(0, 65535, '不是有效的端口号（0–65535）').default(3000)),
    HOST: envValue(z.string().default('0.0.0.0')),
    READ_MODEL_PATH: resolvedPath('data/read-model.sqlite'),
    RULEBOOK: envValue(oneOf(RULEBOOK_IDS, `不是已知的办理规则，可选：${RULEBOOK_IDS.join('、')}`).default('national')),
    CALENDAR_OVERRIDES_PATH: envValue(z.string().optional()).transform((p) => (p === undefined ? undefined : path.resolve(cwd, p))),
    JWT_SECRET: production ? envValue(productionSecret()) : envValue(z.string().default(DEV_JWT_SECRET)),
    JWT_EXPIRES_IN: envValue(matching(/^\d+[smhd]?$/, '格式无效，应为数字加单位，例如 8h、30m').default('8h')),
    CLOCK: envValue(
      oneOf(['system', 'manual'], '无效，只能是 system 或 manual')
        .refine((clock) => !(production && clock === 'manual'), { error: '生产环境不允许使用手动时钟（CLOCK=manual）' })
        .default('system'),
    ),
    AUTH_BOOTSTRAP_ADMIN_PASSWORD: envValue(z.string().min(8, { error: '初始管理员密码至少需要 8 个字符' }).optional()),
    DEMO_DATA: envValue(
      onOff('无效，只能是 on 或 off')
        .refine((on) => !(production && on), { error: '生产环境从不加载演示数据，请删除该设置或设为 off' })
        .default(!production),
    ),
    WEB_DIST_PATH: resolvedPath('apps/web/dist'),
    JSON_BODY_LIMIT: envValue(matching(/^\d+(kb|mb)$/i, '格式无效，应为例如 512kb 或 1mb').default('1mb')),
    CORS_ORIGINS: envValue(corsOrigins().default([])),
    TRUST_PROXY: envValue(z.string().optional()).transform((v): string | number | false => (v === undefined ? false : /^\d+$/.test(v) ? Number(v) : v)),
    LOGIN_MAX_FAILURES: loginLimit(LOGIN_DEFAULTS.maxFailuresPerUser),
    LOGIN_MAX_FAILURES_PER_IP: loginLimit(LOGIN_DEFAULTS.maxFailuresPerIp),
    LOGIN_LOCKOUT_MINUTES: loginLimit(LOGIN_DEFAULTS.lockoutMinutes),
    LOGIN_RATE_PER_MINUTE: loginLimit(LOGIN_DEFAULTS.attemptsPerMinutePerIp),
    LOG_LEVEL: envValue(oneOf(LOG_LEVELS, `无效，可选：${LOG_LEVELS.join('、')}`).default('info')),
    METRICS_TOKEN: envValue(z.string().min(METRICS_TOKEN_MIN, { error: `至少需要 ${METRICS_TOKEN_MIN} 个字符` }).optional()),
    SCHEDULER: envValue(onOff('无效，只能是 on 或 off').default(SCHEDULER_DEFAULTS.enabled)),
    SCHEDULER_INTERVAL_MS: envValue(
      integerIn(SCHEDULER_INTERVAL_MS.min, SCHEDULER_INTERVAL_MS.max, `应为 ${SCHEDULER_INTERVAL_MS.min}–${SCHEDULER_INTERVAL_MS.max} 之间的整数（毫秒）`).default(
        SCHEDULER_DEFAULTS.intervalMs,
      ),
    ),
    AUDIT_SEAL_DIR: envValue(z.string().optional()).transform((p) => (p === undefined ? undefined : path.resolve(cwd, p))),
    AUDIT_SEAL_INTERVAL_MINUTES: envValue(
      integerIn(0, MAX_SEAL_INTERVAL_MINUTES, `无效，应为 0（不自动封印）到 ${MAX_SEAL_INTERVAL_MINUTES} 之间的整数分钟`).default(60),
    ),
    // ATTACHMENTS_PATH itself is read with the event store's variables (attachmentsPathFromEnv), so the CLIs share it.
    ATTACHMENT_MAX_MB: envValue(integerIn(1, 1024, '应为 1–1024 之间的整数（MB）').default(ATTACHMENT_DEFAULTS.maxMb)),
    ATTACHMENT_GRACE_HOURS: envValue(integerIn(1, 24 * 365, '应为 1–8760 之间的整数（小时）').default(ATTACHMENT_DEFAULTS.graceHours)),
  });
}

export type Environment = z.output<ReturnType<typeof environmentSchema>>;

function productionSecret() {
  return z
    .string({ error: '生产环境必须设置自己的密钥（不能使用默认开发密钥）' })
    .refine((secret) => secret !== DEV_JWT_SECRET, { error: '生产环境必须设置自己的密钥（不能使用默认开发密钥）', abort: true })
    .refine((secret) => secret.length >= MIN_SECRET_LENGTH, { error: `生产环境的密钥至少需要 ${MIN_SECRET_LENGTH} 个字符` });
}

/** `https://a.example, http://localhost:5173`: exact origins, no wildcards (a `*` would open the API to any site); each bad entry is its own problem. */
function corsOrigins() {
  return z.string().transform((value, ctx) => {
    const origins: string[] = [];
    for (const raw of value.split(',').map((o) => o.trim()).filter((o) => o !== '')) {
      const origin = originOf(raw);
      if (origin === null) {
        ctx.issues.push({ code: 'custom', input: raw, message: `「${raw}」不是有效的来源，应为例如 https://duban.example.gov.cn（协议 + 主机 + 可选端口）` });
      } else {
        origins.push(origin);
      }
    }
    return origins;
  });
}

function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === raw.replace(/\/$/, '') ? url.origin : null;
  } catch {
    return null;
  }
}
