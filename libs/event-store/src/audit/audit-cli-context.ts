import * as path from 'node:path';
import { eventStoreConfigFromEnv, type EventStoreConfig } from '../config';
import { AuditKeyError, type AuditKey } from './audit-key';
import { auditKeySourceFromEnv, defaultAuditPaths, obtainAuditKey } from './audit-key-source';

/** What verify-audit and audit-seal read from their arguments and environment. */
export interface AuditCliContext {
  store: EventStoreConfig;
  /** null: no key configured and no development key file (refused where a key is required). */
  key: AuditKey | null;
  /** Why there is no key, for the operator. */
  keyMissing?: string;
  sealDir: string;
}

/**
 * The store (a SQLite file given as argument, else the service's configuration), the audit key
 * as the service finds it (AUDIT_KEY, AUDIT_KEY_FILE, else the development key file — never
 * created here: a new key could not verify the events already written) and the seal folder
 * (AUDIT_SEAL_DIR, else beside the key). Throws EventStoreConfigError / AuditKeyError for a wrong setting.
 */
export function auditCliContext(storeFile: string | undefined, env: NodeJS.ProcessEnv, cwd: string): AuditCliContext {
  const store: EventStoreConfig = storeFile !== undefined ? { kind: 'sqlite', path: path.resolve(cwd, storeFile) } : eventStoreConfigFromEnv(env, cwd);
  const defaults = defaultAuditPaths(store, cwd);
  const sealDirSetting = env.AUDIT_SEAL_DIR?.trim();
  const sealDir = sealDirSetting ? path.resolve(cwd, sealDirSetting) : defaults.sealDir;
  // The CLIs never refuse for want of production settings: they only read what exists.
  const source = auditKeySourceFromEnv(env, cwd, defaults, false);
  try {
    return { store, key: obtainAuditKey(source, { create: false }).key, sealDir };
  } catch (error) {
    if (!(error instanceof AuditKeyError) || source.kind !== 'dev-file') throw error;
    return { store, key: null, keyMissing: error.message, sealDir };
  }
}
