import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AuditSealRefusedError, EVENT_STORE, sealNow, type AuditKey, type EventStore, type SealNowResult } from '@duban/event-store';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { AUDIT_KEY, auditSettingsOf, obtainServiceAuditKey } from './audit-key.provider';

/** The first seal after a start comes sooner than a full interval: a service restarted often still seals. */
const FIRST_SEAL_AFTER_MS = 60_000;

/**
 * Seals the store every AUDIT_SEAL_INTERVAL_MINUTES (see libs/event-store: takeSeal). A seal
 * after the first one reads only the events appended since. A store that does not verify is not
 * sealed, and says so in the log at error level: that is the moment someone has to look.
 */
@Injectable()
export class AuditSealService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('audit');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SealNowResult | null> | null = null;
  private readonly stop = new AbortController();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDIT_KEY) private readonly key: AuditKey | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get sealDir(): string {
    return auditSettingsOf(this.config).sealDir;
  }

  onApplicationBootstrap(): void {
    const generated = obtainServiceAuditKey(this.config)?.generated;
    if (generated) {
      this.logger.warn(
        `generated a development audit key at ${generated}: keep this file (and a copy somewhere safe, NOT with the data folder's backups); ` +
          'without it the keyed audit hashes can never be verified again. Production needs AUDIT_KEY or AUDIT_KEY_FILE.',
      );
    }
    const minutes = auditSettingsOf(this.config).sealIntervalMinutes;
    if (this.key === null || minutes === 0) return;
    const intervalMs = minutes * 60_000;
    const tick = (): void => {
      void this.sealOnce();
      this.timer = setTimeout(tick, intervalMs).unref();
    };
    this.timer = setTimeout(tick, Math.min(intervalMs, FIRST_SEAL_AFTER_MS)).unref();
  }

  /** Seals now unless a seal is already being taken (then that one's result). Null when refused or failed (logged). */
  sealOnce(): Promise<SealNowResult | null> {
    if (this.running) return this.running;
    const run = this.seal().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.stop.abort();
    await this.running;
  }

  private async seal(): Promise<SealNowResult | null> {
    if (this.key === null) return null;
    const started = Date.now();
    try {
      const result = await sealNow(this.store, this.key, this.sealDir, { signal: this.stop.signal });
      if (result.status === 'sealed') {
        const { seal, mode, read } = result.taken;
        this.logger.log(`audit seal written: ${result.file} (${seal.head?.events ?? 0} events, ${seal.streams.length} streams, ${mode}, ${read} read, ${Date.now() - started} ms)`);
      }
      return result;
    } catch (error) {
      if (this.stop.signal.aborted) return null;
      if (error instanceof AuditSealRefusedError) {
        this.logger.error(`audit seal REFUSED: the event store does not verify against its audit chain or its last seal; run npm run verify-audit. ${error.message}`);
      } else {
        this.logger.error(`audit seal failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      return null;
    }
  }
}
