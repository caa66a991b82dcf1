import type { AttachmentSettings } from '../attachments/attachment-settings';
import type { EventStoreConfig } from '@duban/event-store';
import type { SchedulerSettings } from '../scheduler/scheduler-settings';
import type { AuditSettings } from './parse-audit-settings';

export type { EventStoreConfig };

export type ClockMode = 'system' | 'manual';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** Brute-force protection of POST /api/auth/login (counted in memory, per process). */
export interface LoginLimits {
  /** Failed logins for one username before it is locked. */
  maxFailuresPerUser: number;
  /** Failed logins from one client address before it is locked. */
  maxFailuresPerIp: number;
  lockoutMinutes: number;
  /** Login attempts (right or wrong) per client address per minute. */
  attemptsPerMinutePerIp: number;
}

/** Everything the service reads from its environment, validated once at start. */
export interface AppConfig {
  nodeEnv: string;
  production: boolean;
  port: number;
  host: string;
  eventStore: EventStoreConfig;
  readModelPath: string;
  rulebookId: string;
  calendarOverridesPath?: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  clock: ClockMode;
  bootstrapAdminPassword?: string;
  demoData: boolean;
  /** The built web app; served at `/` when the folder exists. */
  webDistPath: string;
  /** Largest accepted JSON body, in the body parser's notation (`1mb`). */
  jsonBodyLimit: string;
  /** Origins allowed to call the API from a browser; empty = same-origin only. */
  corsOrigins: string[];
  /** Express `trust proxy` (hops or a preset such as `loopback`), so the client address is the real one. */
  trustProxy: string | number | false;
  login: LoginLimits;
  logLevel: LogLevelName;
  /** When set, GET /api/metrics needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** The deadline scheduler (SCHEDULER, SCHEDULER_INTERVAL_MS); absent = on, every 30 s. */
  scheduler?: SchedulerSettings;
  /** The audit seals (the key itself travels with `eventStore.auditKey`); absent = defaults beside the data folder, hourly. */
  audit?: AuditSettings;
  /** Attachment files (ATTACHMENTS_PATH, ATTACHMENT_MAX_MB, ATTACHMENT_GRACE_HOURS); absent = defaults beside the store. */
  attachments?: AttachmentSettings;
}
