import { LOG_LEVELS, LoginLimits, LogLevelName } from './app-config';

type Read = (name: string) => string | undefined;

/** The settings of the service's edge: CORS, proxies, login limits, logs and metrics. */
export interface EdgeSettings {
  corsOrigins: string[];
  trustProxy: string | number | false;
  login: LoginLimits;
  logLevel: LogLevelName;
  metricsToken?: string;
}

export const LOGIN_DEFAULTS: LoginLimits = {
  maxFailuresPerUser: 5,
  maxFailuresPerIp: 20,
  lockoutMinutes: 15,
  attemptsPerMinutePerIp: 30,
};

const METRICS_TOKEN_MIN = 16;

export function parseEdgeSettings(read: Read, problems: string[]): EdgeSettings {
  const settings: EdgeSettings = {
    corsOrigins: parseCorsOrigins(read('CORS_ORIGINS'), problems),
    trustProxy: parseTrustProxy(read('TRUST_PROXY')),
    login: {
      maxFailuresPerUser: positiveInt(read, 'LOGIN_MAX_FAILURES', LOGIN_DEFAULTS.maxFailuresPerUser, problems),
      maxFailuresPerIp: positiveInt(read, 'LOGIN_MAX_FAILURES_PER_IP', LOGIN_DEFAULTS.maxFailuresPerIp, problems),
      lockoutMinutes: positiveInt(read, 'LOGIN_LOCKOUT_MINUTES', LOGIN_DEFAULTS.lockoutMinutes, problems),
      attemptsPerMinutePerIp: positiveInt(read, 'LOGIN_RATE_PER_MINUTE', LOGIN_DEFAULTS.attemptsPerMinutePerIp, problems),
    },
    logLevel: parseLogLevel(read('LOG_LEVEL'), problems),
  };
  const metricsToken = read('METRICS_TOKEN');
  if (metricsToken !== undefined) {
    if (metricsToken.length < METRICS_TOKEN_MIN) problems.push(`METRICS_TOKEN：至少需要 ${METRICS_TOKEN_MIN} 个字符`);
    settings.metricsToken = metricsToken;
  }
  return settings;
}

/** `https://a.example, http://localhost:5173`: exact origins, no wildcards (a `*` would open the API to any site). */
function parseCorsOrigins(value: string | undefined, problems: string[]): string[] {
  if (value === undefined) return [];
  const origins: string[] = [];
  for (const raw of value.split(',').map((o) => o.trim()).filter((o) => o !== '')) {
    let origin: string | null = null;
    try {
      const url = new URL(raw);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === raw.replace(/\/$/, '')) origin = url.origin;
    } catch {
      origin = null;
    }
    if (origin === null) problems.push(`CORS_ORIGINS：「${raw}」不是有效的来源，应为例如 https://duban.example.gov.cn（协议 + 主机 + 可选端口）`);
    else origins.push(origin);
  }
  return origins;
}

function parseTrustProxy(value: string | undefined): string | number | false {
  if (value === undefined) return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function positiveInt(read: Read, name: string, fallback: number, problems: string[]): number {
  const value = read(name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    problems.push(`${name}：「${value}」应为正整数`);
    return fallback;
  }
  return n;
}

function parseLogLevel(value: string | undefined, problems: string[]): LogLevelName {
  if (value === undefined) return 'info';
  const level = value.toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    problems.push(`LOG_LEVEL：「${value}」无效，可选：${LOG_LEVELS.join('、')}`);
    return 'info';
  }
  return level as LogLevelName;
}
