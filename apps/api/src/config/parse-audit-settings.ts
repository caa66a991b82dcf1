import * as path from 'node:path';
import { auditKeySourceFromEnv, AuditKeyError, defaultAuditPaths, type AuditKeySource, type EventStoreConfig } from '@duban/event-store';

/** The audit chain's key and the seals (see libs/event-store, audit). */
export interface AuditSettings {
  /** Where the seals are written: AUDIT_SEAL_DIR, default beside the key, outside the store's folder. */
  sealDir: string;
  /** How often the service seals the store; 0 = never (seal with `npm run audit-seal` instead). */
  sealIntervalMinutes: number;
}

const DEFAULT_SEAL_INTERVAL_MINUTES = 60;
const MAX_SEAL_INTERVAL_MINUTES = 7 * 24 * 60;

/**
 * AUDIT_KEY / AUDIT_KEY_FILE (required in production; in development a key file is generated
 * beside the data folder on first start), AUDIT_SEAL_DIR and AUDIT_SEAL_INTERVAL_MINUTES.
 */
export function parseAuditSettings(
  read: (name: string) => string | undefined,
  env: Record<string, string | undefined>,
  cwd: string,
  store: EventStoreConfig,
  production: boolean,
  problems: string[],
): { keySource: AuditKeySource | undefined; settings: AuditSettings } {
  const defaults = defaultAuditPaths(store.kind === 'sqlite' ? { kind: 'sqlite', path: store.path } : { kind: 'eventstoredb' }, cwd);
  let keySource: AuditKeySource | undefined;
  try {
    keySource = auditKeySourceFromEnv(env, cwd, defaults, production);
  } catch (error) {
    if (!(error instanceof AuditKeyError)) throw error;
    problems.push(error.message);
  }
  const sealDir = read('AUDIT_SEAL_DIR');
  const interval = read('AUDIT_SEAL_INTERVAL_MINUTES');
  let sealIntervalMinutes = DEFAULT_SEAL_INTERVAL_MINUTES;
  if (interval !== undefined) {
    const minutes = Number(interval);
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_SEAL_INTERVAL_MINUTES) {
      problems.push(`AUDIT_SEAL_INTERVAL_MINUTES：「${interval}」无效，应为 0（不自动封印）到 ${MAX_SEAL_INTERVAL_MINUTES} 之间的整数分钟`);
    } else {
      sealIntervalMinutes = minutes;
    }
  }
  return { keySource, settings: { sealDir: sealDir === undefined ? defaults.sealDir : path.resolve(cwd, sealDir), sealIntervalMinutes } };
}
