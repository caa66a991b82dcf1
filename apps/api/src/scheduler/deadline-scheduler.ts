import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { SYSTEM_ACTOR } from '@duban/domain';
import { EVENT_STORE, type EventStore } from '@duban/event-store';
import type { Projector, ReadModelQueries } from '@duban/read-models';
import { Clock } from '../clock/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { PROJECTOR, READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { RunSuggestionCommand } from '../suggestions/execution/suggestion-stream';
import { collectGarbageNow } from '../infrastructure/collect-garbage';
import { SCHEDULER_DEFAULTS, SchedulerSettings } from './scheduler-settings';

/** Suggestions asked for per query; a run keeps asking until none is left due. */
const BATCH = 200;
/**
 * A run stops after this many batches, so a read model that never moves cannot keep it spinning; a
 * run that stopped here with more still due is followed by another one at once (a catch-up after
 * downtime), not after the interval.
 */
const MAX_BATCHES = 50;
/** How long a run waits for the read model to include what was appended before it. */
const PROJECTOR_WAIT_MS = 10_000;
/**
 * A run that recorded at least this many suggestions was a catch-up after downtime (34,434 events at
 * 100k suggestions in the bench): the garbage it left is collected right after it, not in the middle
 * of the queries that follow.
 */
const BURST = 1_000;
/** How long shutting down waits for a run in progress to finish. */
const SHUTDOWN_WAIT_MS = 2_000;

export interface SchedulerRun {
  now: string;
  /** Suggestions RecordDeadlines was sent for (it records nothing where nothing is due any more). */
  checked: number;
  failed: number;
}

/**
 * Makes deadlines act: asks the read model which suggestions have a reminder or a miss due and
 * sends each RecordDeadlines as the system, through the one command handler. The handler appends
 * with the revision it read and appends nothing when nothing is due, so two instances running this
 * at once record everything once: the loser of a race re-reads and finds nothing left to record.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('scheduler');
  private readonly settings: SchedulerSettings;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<SchedulerRun | null> | null = null;
  private next: Promise<SchedulerRun | null> | null = null;
  private stopped = false;
  /** Suggestions recorded by the runs of one catch-up so far (runs cut short follow each other). */
  private recordedInBurst = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
    private readonly commandBus: CommandBus,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.settings = config.scheduler ?? SCHEDULER_DEFAULTS;
  }

  get enabled(): boolean {
    return this.settings.enabled;
  }

  onApplicationBootstrap(): void {
    if (!this.settings.enabled) {
      this.logger.log('scheduler off (SCHEDULER=off): deadlines are recorded by another instance');
      return;
    }
    this.timer = setInterval(() => void this.runNow(), this.settings.intervalMs);
    // The interval must not keep a process alive that is otherwise done (tests, CLI).
    this.timer.unref();
    // After a stop the first run records everything that came due meanwhile (thousands of commands
    // after a few weeks): it starts once the server listens, so start-up and the first answer of
    // /api/health do not wait for it (measured at 100k suggestions: S7 in bench/RESULTS.md).
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server && !server.listening) server.once('listening', () => void this.runNow());
    else void this.runNow();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // A run stops between suggestions; one still waiting for the read model is not waited for long,
    // since the projector only lets it go when it closes, after this hook.
    const running = Promise.all([this.current, this.next]).then(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS)));
    await Promise.race([running, patience]);
    clearTimeout(timer);
  }

  /**
   * The clock was moved (test clock): record what the new time makes due, and return only once the
   * read model shows it, so the caller's next query sees the reminders and misses.
   */
  async afterClockMoved(): Promise<SchedulerRun | null> {
    const run = this.settings.enabled ? await this.runNow() : null;
    await this.waitForProjector();
    return run;
  }

  /**
   * Runs now, or right after the run in progress (which may have read the time before the caller
   * changed it). Concurrent callers share one follow-up run.
   */
  runNow(): Promise<SchedulerRun | null> {
    if (this.stopped) return Promise.resolve(null);
    if (!this.current) {
      this.current = this.runOnce().finally(() => {
        this.current = null;
      });
      return this.current;
    }
    this.next ??= this.current.then(() => {
      this.next = null;
      return this.runNow();
    });
    return this.next;
  }

  private async runOnce(): Promise<SchedulerRun | null> {
    const now = this.clock.nowIso();
    // Due times live in the read model: it must include everything appended so far.
    if (!(await this.waitForProjector())) return null;
    const run: SchedulerRun = { now, checked: 0, failed: 0 };
    const tried = new Set<string>();
    const correlationId = `scheduler-${randomUUID()}`;
    let batches = 0;
    for (; batches < MAX_BATCHES && !this.stopped; batches++) {
      const due = this.queries.dueForScheduler(now, BATCH).filter((id) => !tried.has(id));
      if (due.length === 0) break;
      for (const id of due) {
        if (this.stopped) break;
        tried.add(id);
        await this.record(id, correlationId, run);
      }
      if (!(await this.waitForProjector())) break;
    }
    if (run.checked > 0) this.logger.log(`recorded deadlines at ${now}: ${run.checked} suggestion(s), ${run.failed} failed`);
    this.recordedInBurst += run.checked + run.failed;
    if (batches === MAX_BATCHES && !this.stopped) {
      // Cut short with suggestions still due: go on right after this run instead of in an interval.
      setImmediate(() => void this.runNow());
    } else {
      if (this.recordedInBurst >= BURST && !this.stopped) this.collectAfterBurst();
      this.recordedInBurst = 0;
    }
    return run;
  }

  /**
   * Measured at 100k suggestions: after the catch-up the heap held ~65 MB of garbage (104 MB used,
   * 38 MB after a full collection), and until V8 got round to it every young-generation pause took
   * about twice as long and major collections landed among the queries (S6 p99 19.8 / 30.5 / 19.1 ms
   * for list / statistics / timeline, against 10.8 / 16.1 / 9.3 ms after one full collection).
   * One pause now, while the service is idle after the burst, instead.
   */
  private collectAfterBurst(): void {
    const collected = collectGarbageNow();
    if (collected === null) return;
    const mib = (bytes: number) => (bytes / 1048576).toFixed(0);
    this.logger.log(`collected the catch-up's garbage: heap ${mib(collected.beforeBytes)} → ${mib(collected.afterBytes)} MiB in ${collected.ms.toFixed(0)} ms`);
  }

  private async record(suggestionId: string, correlationId: string, run: SchedulerRun): Promise<void> {
    try {
      await this.commandBus.execute(
        new RunSuggestionCommand(suggestionId, { type: 'RecordDeadlines', data: {} }, SYSTEM_ACTOR, {
          correlationId,
          causationId: correlationId,
        }),
      );
      run.checked++;
    } catch (error) {
      // One suggestion that cannot be recorded (a lost race after every retry, a refused command) must
      // not stop the others; the next run tries it again.
      run.failed++;
      this.logger.warn(`RecordDeadlines for ${suggestionId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** True once the read model includes the store's head (false after the wait, or when it has stopped). */
  private async waitForProjector(): Promise<boolean> {
    try {
      const head = await this.store.headPosition();
      if (head === null) return true;
      const reached = await this.projector.waitFor(head, PROJECTOR_WAIT_MS);
      if (!reached) this.logger.warn('read model still behind the event store: deadlines recorded on the next run');
      return reached;
    } catch (error) {
      this.logger.error(`read model unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }
}
