import { defaultAuditPaths, obtainAuditKey, type AuditKey, type ObtainedAuditKey } from '@duban/event-store';
import type { AppConfig } from '../config/app-config';
import type { AuditSettings } from '../config/parse-audit-settings';

/** The audit key (or null when the config names none, as a hand-built test config may). */
export const AUDIT_KEY = Symbol('AUDIT_KEY');

/** The same key the event store was opened with (obtainAuditKey keeps one per file per process). */
export function obtainServiceAuditKey(config: AppConfig): ObtainedAuditKey | null {
  return config.eventStore.auditKey ? obtainAuditKey(config.eventStore.auditKey) : null;
}

export function auditKeyOf(config: AppConfig): AuditKey | null {
  return obtainServiceAuditKey(config)?.key ?? null;
}

export function auditSettingsOf(config: AppConfig): AuditSettings {
  if (config.audit) return config.audit;
  const store = config.eventStore.kind === 'sqlite' ? { kind: 'sqlite' as const, path: config.eventStore.path } : { kind: 'eventstoredb' as const };
  return { sealDir: defaultAuditPaths(store, process.cwd()).sealDir, sealIntervalMinutes: 60 };
}
