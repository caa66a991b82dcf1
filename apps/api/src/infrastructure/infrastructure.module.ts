import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { getRulebook, type Rulebook, type WorkingCalendar } from '@duban/domain';
import { EVENT_STORE, EventStore, storeIdentityOf } from '@duban/event-store';
import { Projector, ReadModelQueries } from '@duban/read-models';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { flushLogsSync } from '../observability/logging/create-root-logger';
import { ReadAfterService } from '../read-consistency/read-after.service';
import { loadCalendarOverrides } from './load-calendar';
import { LiveWorkingCalendar } from '../calendar/live-working-calendar';
import { openEventStore } from './open-event-store';
import { noteCleanStop } from './clean-stop-note';
import { ReadModelMarkKeeper } from './read-model-mark-keeper';
import { rebuildOutdatedReadModel } from './rebuild-outdated-read-model';
import { StoreWriteHealth } from './store-write-health';
import { PROJECTOR, READ_MODEL_QUERIES, RULEBOOK, WORKING_CALENDAR } from './tokens';

const LIVE_STATE_CACHE = 1_000;

/** Closes what the module opened, projector before store, when the app shuts down (SIGTERM, SIGINT, close()). */
@Injectable()
class InfrastructureShutdown implements OnApplicationShutdown {
  private readonly logger = new Logger('shutdown');

  constructor(
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly markKeeper: ReadModelMarkKeeper,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    if (signal) this.logger.log(`received ${signal}: closing projector and event store`);
    // The next start compares this mark with the store: the last word of a clean stop is exact.
    await this.markKeeper.stop();
    await this.markKeeper.recordNow();
    await this.projector.close();
    // The file is closed and whole: the next start need not read it all to check its pages.
    noteCleanStop(this.config.readModelPath);
    await this.store.close();
    // Nest ends the process with the signal right after the shutdown hooks: the log's buffer goes out now.
    flushLogsSync();
  }
}

/** The libraries' objects, built once from the config and shared by every module. */
@Global()
@Module({
  providers: [
    StoreWriteHealth,
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG, StoreWriteHealth],
      useFactory: (config: AppConfig, writeHealth: StoreWriteHealth): EventStore => {
        if (config.eventStore.kind === 'sqlite') mkdirSync(path.dirname(config.eventStore.path), { recursive: true });
        return writeHealth.watch(openEventStore(config.eventStore));
      },
    },
    {
      provide: RULEBOOK,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => getRulebook(config.rulebookId),
    },
    {
      provide: WORKING_CALENDAR,
      inject: [APP_CONFIG],
      // Live: an admin's upload of a holiday notice completes it while the service runs.
      useFactory: (config: AppConfig) => new LiveWorkingCalendar(loadCalendarOverrides(config.calendarOverridesPath)),
    },
    {
      provide: PROJECTOR,
      inject: [EVENT_STORE, APP_CONFIG, RULEBOOK, WORKING_CALENDAR],
      useFactory: async (store: EventStore, config: AppConfig, rulebook: Rulebook, calendar: WorkingCalendar): Promise<Projector> => {
        mkdirSync(path.dirname(config.readModelPath), { recursive: true });
        await rebuildOutdatedReadModel(store, config.readModelPath, {
          rules: { rulebook, calendar },
          logger: new Logger('projector'),
          headCountsEvents: config.eventStore.kind === 'sqlite',
          storeIdentity: storeIdentityOf(config.eventStore),
        });
        // The scheduler's wake-up times are projected, so the projector needs the service's own rules.
        // 1,000 folded states: the suggestions being worked on now. A miss costs one row read; the
        // default 5,000 held ~30 MB more heap at 100k suggestions, against the S7 memory floor.
        return new Projector(store, config.readModelPath, { logger: new Logger('projector'), rulebook, calendar, stateCacheSize: LIVE_STATE_CACHE });
      },
    },
    {
      provide: ReadModelMarkKeeper,
      inject: [EVENT_STORE, PROJECTOR, APP_CONFIG],
      useFactory: (store: EventStore, projector: Projector, config: AppConfig): ReadModelMarkKeeper => {
        const keeper = new ReadModelMarkKeeper(store, projector, {
          positionsAreCounts: config.eventStore.kind === 'sqlite',
          logger: new Logger('projector'),
        });
        keeper.start();
        return keeper;
      },
    },
    {
      provide: READ_MODEL_QUERIES,
      inject: [PROJECTOR, RULEBOOK, WORKING_CALENDAR],
      // The rulebook and calendar decide the lists' due levels (remindBefore, overrides).
      useFactory: (projector: Projector, rulebook: Rulebook, calendar: WorkingCalendar) => new ReadModelQueries(projector.database, { rulebook, calendar }),
    },
    ReadAfterService,
    InfrastructureShutdown,
  ],
  exports: [EVENT_STORE, RULEBOOK, WORKING_CALENDAR, PROJECTOR, READ_MODEL_QUERIES, ReadAfterService, StoreWriteHealth],
})
export class InfrastructureModule {}
