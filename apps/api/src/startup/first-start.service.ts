import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { WorkingCalendar } from '@duban/domain';
import { EVENT_STORE, EventStore } from '@duban/event-store';
import type { Projector } from '@duban/read-models';
import { AccountCommandsService } from '../accounts/account-commands.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { ADMIN_DISPLAY_NAME, ADMIN_USERNAME, DEMO_ADMIN_PASSWORD } from '../demo/demo-accounts';
import { DemoSeeder } from '../demo/demo-seeder';
import { Clock } from '../clock/clock';
import { PROJECTOR, WORKING_CALENDAR } from '../infrastructure/tokens';

/**
 * Runs before the server listens. On an empty store: the admin account, then (in demo mode) the
 * demo organisation. Then the projector starts following the store, without holding up the
 * listen: a long replay (new read-model schema, big store) shows as lag in /api/health while
 * commands are already accepted.
 */
@Injectable()
export class FirstStartService implements OnApplicationBootstrap {
  private readonly logger = new Logger('startup');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountCommandsService,
    private readonly demo: DemoSeeder,
    @Inject(WORKING_CALENDAR) private readonly calendar: WorkingCalendar,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const empty = (await this.store.headPosition()) === null;
    if (empty) {
      await this.createAdmin();
      if (this.config.demoData) await this.demo.seed();
    } else if (this.config.demoData) {
      this.logger.log('event store already holds events: demo data not loaded');
    }
    this.warnAboutCalendar();
    const started = Date.now();
    this.projector.start().then(
      () => this.logger.log(`read model caught up in ${Date.now() - started} ms`),
      (error: unknown) => {
        // Closing the app during the replay stops it on purpose; anything else is shown by /api/health.
        if (!/projector is closed/.test(String(error))) {
          this.logger.error(`projector did not start: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    );
  }

  /** Deadlines in a year the calendar does not know skip holidays: say so while there is time to add them. */
  private warnAboutCalendar(): void {
    const year = Number(this.clock.nowIso().slice(0, 4));
    for (const y of [year, year + 1]) {
      if (!this.calendar.knowsYear(y)) {
        this.logger.warn(`the working-day calendar has no official holidays for ${y}: add them with CALENDAR_OVERRIDES_PATH`);
      }
    }
  }

  private async createAdmin(): Promise<void> {
    const given = this.config.bootstrapAdminPassword ?? (this.config.demoData ? DEMO_ADMIN_PASSWORD : undefined);
    const password = given ?? randomBytes(12).toString('base64url');
    const correlationId = `bootstrap-${randomUUID()}`;
    await this.accounts.registerUser(
      // In production the first password passed through the environment or the log: its owner replaces it first.
      { username: ADMIN_USERNAME, password, displayName: ADMIN_DISPLAY_NAME, role: 'admin', mustChangePassword: this.config.production },
      { actor: { userId: 'system', role: 'system' }, correlationId, causationId: correlationId },
    );
    if (given === undefined) {
      // Printed this once only: the store keeps just the hash.
      this.logger.warn(`created the first administrator "${ADMIN_USERNAME}" with generated password: ${password}`);
      this.logger.warn('set AUTH_BOOTSTRAP_ADMIN_PASSWORD before the first start to choose it instead');
    } else {
      this.logger.log(`created the first administrator "${ADMIN_USERNAME}"`);
    }
  }
}
