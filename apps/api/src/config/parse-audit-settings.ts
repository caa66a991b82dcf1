import { auditKeySourceFromEnv, AuditKeyError, defaultAuditPaths, type AuditKeySource, type EventStoreConfig } from '@duban/event-store';

/** The audit chain's key and the seals (see libs/event-store, audit). */
export interface AuditSettings {
  /** Where the seals are written: AUDIT_SEAL_DIR, default beside the key, outside the store's folder. */
  sealDir: string;
  /** How often the service seals the store; 0 = never (seal with `npm run audit-seal` instead). */
  sealIntervalMinutes: number;
}

/**
 * AUDIT_KEY / AUDIT_KEY_FILE as the event-store library reads them (required in production; in
 * development a key file is generated beside the data folder on first start), a refusal collected
 * as a problem; and the seal folder, AUDIT_SEAL_DIR or beside the key.
 */
export function parseAuditSettings(
  env: Record<string, string | undefined>,
  cwd: string,
  store: EventStoreConfig,
  production: boolean,
  seals: { dir: string | undefined; intervalMinutes: number },
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
  return { keySource, settings: { sealDir: seals.dir ?? defaults.sealDir, sealIntervalMinutes: seals.intervalMinutes } };
}
