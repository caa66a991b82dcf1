import {
  comparePositions,
  formatPosition,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
} from '@duban/event-store';
import { Observable, Subject } from 'rxjs';
import type { AppliedEvent } from '../projection/applied-event';
import { applyOrPark } from '../projection/apply-or-park';
import type { ParkedStream } from '../projection/parked-streams';
import type { ProjectionError } from '../projection/projection-error';
import { READ_MODEL_STREAM_PREFIXES, ReadModelProjection, type ProjectionRules } from '../projection/read-model-projection';
import { openReadModelDatabase, type ReadModelDatabase } from '../schema/open-read-model';
import { SILENT_LOGGER, type ProjectorLogger } from './projector-logger';
import { Backoff, type BackoffOptions } from './retry-backoff';

/** `rulebook` and `calendar` place the scheduler's wake-ups: pass the service's own (default: national, no overrides). */
export interface ProjectorOptions extends ProjectionRules {
  /** Events read and committed per transaction. Default 1000. */
  batchSize?: number;
  /**
   * Suggestion states kept folded in memory. Default 5,000: enough for bursts and catch-up, small
   * enough for the service's memory (a state not cached costs one row read when its next event comes).
   */
  stateCacheSize?: number;
  logger?: ProjectorLogger;
  /** Waits between attempts after a transient failure (disk full, I/O error, a lock): 100 ms doubling to 30 s. */
  retryBackoff?: BackoffOptions;
  /** Try the parked streams again when starting (a fixed projection releases them). Default true. */
  retryParkedOnStart?: boolean;
}

/** Parked streams listed in the status; the total is in parkedCount. */
export const STATUS_PARKED_LIMIT = 20;

export interface ProjectorStatus {
  /** Following the store (false while it waits to retry after a transient failure). */
  running: boolean;
  checkpoint: Position | null;
  eventsApplied: number;
  /**
   * Set once the projector has stopped for good: only a failure it cannot park or retry (a bug in
   * the projector itself). An event the projection rejects is parked instead.
   */
  error: string | null;
  /** Waiting to try again after a transient failure; the checkpoint stays until it succeeds. */
  retrying: boolean;
  /** The last transient failure, until an attempt succeeds. */
  lastTransientError: string | null;
  /** When the next attempt runs (ISO-8601) while retrying. */
  nextRetryAt: string | null;
  /** Streams held back because an event of theirs could not be applied. */
  parkedCount: number;
  /** The first STATUS_PARKED_LIMIT of them, longest parked first. */
  parked: ParkedStream[];
}

/** What retryParked() did. */
export interface ParkedRetryReport {
  released: string[];
  stillParked: { streamId: string; error: string }[];
}

interface Waiter {
  position: Position;
  resolve: (reached: boolean) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Follows the store's global order from the read model's checkpoint and keeps the read model
 * up to date. Rows and checkpoint move in one transaction per batch, and events at or before the
 * checkpoint are ignored, so however often a source repeats an event it is applied exactly once.
 */
export class Projector {
  readonly database: ReadModelDatabase;
  /** True when the read model was (re)created on open: it is being replayed from the first event. */
  readonly wasReset: boolean;
  /**
   * Every applied event, after its effects are committed (so a reader sees them), catch-up
   * included; suggestion events say who may see them (AppliedEvent).
   */
  readonly applied$: Observable<AppliedEvent>;

  private readonly appliedSubject = new Subject<AppliedEvent>();
  private readonly projection: ReadModelProjection;
  private readonly batchSize: number;
  private readonly logger: ProjectorLogger;
  private readonly waiters = new Set<Waiter>();
  private subscription: Subscription | null = null;
  private following: Promise<void> | null = null;
  private buffer: RecordedEvent[] = [];
  private flushTimer: NodeJS.Immediate | null = null;
  private failure: Error | null = null;
  private closed = false;
  private readonly backoff: Backoff;
  private readonly retryParkedOnStart: boolean;
  private retryTimer: NodeJS.Timeout | null = null;
  private nextRetryAt: number | null = null;
  private lastTransient: ProjectionError | null = null;
  private retriedParked = false;

  constructor(
    private readonly store: EventStore,
    readModelPath: string,
    options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.logger = options.logger ?? SILENT_LOGGER;
    this.backoff = new Backoff(options.retryBackoff);
    this.retryParkedOnStart = options.retryParkedOnStart ?? true;
    const { db, reset } = openReadModelDatabase(readModelPath, 'live');
    this.database = db;
    this.wasReset = reset;
    this.projection = new ReadModelProjection(db, {
      stateCacheSize: options.stateCacheSize ?? 5_000,
      writeBack: false,
      parking: true,
      ...(options.rulebook ? { rulebook: options.rulebook } : {}),
      ...(options.calendar ? { calendar: options.calendar } : {}),
    });
    this.applied$ = this.appliedSubject.asObservable();
    if (reset) this.logger.log(`read model at ${readModelPath} is new or of another schema version: replaying every event`);
  }

  /**
   * Catches up, then follows new events as they are appended. A transient failure on the way
   * (disk full, I/O error, a lock) does not reject: the projector tries again by itself with
   * backoff (status().retrying) and follows once it succeeds.
   */
  async start(): Promise<void> {
    this.assertUsable();
    if (this.subscription || this.retryTimer) return;
    try {
      // Streams parked by an earlier run, before catching up: a fixed projection releases them,
      // and those parked by this catch-up are not tried twice in a row.
      if (this.retryParkedOnStart && !this.retriedParked && this.projection.parkedCount > 0) {
        this.retriedParked = true;
        await this.retryParked();
      }
      await this.catchUp();
    } catch (error) {
      if (!isTransientProjectionError(error)) throw error;
      this.scheduleRetry(error);
      return;
    }
    if (this.subscription || this.closed || this.retryTimer) return;
    this.recovered();
    const subscription = this.store.subscribeToAll({
      after: this.projection.checkpoint ?? undefined,
      streamPrefixes: [...READ_MODEL_STREAM_PREFIXES],
    });
    this.subscription = subscription;
    this.following = this.follow(subscription);
    this.logger.log(`projector following from ${this.describeCheckpoint()}`);
  }

  /** Stops following. Events received but not applied yet are read again on the next start. */
  async stop(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.nextRetryAt = null;
    const subscription = this.subscription;
    this.subscription = null;
    if (subscription) await subscription.unsubscribe();
    await this.following;
    this.following = null;
    this.buffer = [];
    if (this.flushTimer) clearImmediate(this.flushTimer);
    this.flushTimer = null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.stop();
    this.closed = true;
    for (const waiter of this.waiters) this.settle(waiter, false);
    if (!this.failure) this.appliedSubject.complete();
    this.database.close();
  }

  /**
   * Applies everything up to the store's head as it is now, parking what the projection rejects.
   * Resolves to the number of events applied; rejects with the ProjectionError on a transient
   * failure (the checkpoint stays after the last event committed: call again later).
   */
  async catchUp(): Promise<number> {
    let count = 0;
    for (;;) {
      this.assertUsable();
      const page = await this.store.readAll({
        after: this.projection.checkpoint ?? undefined,
        maxCount: this.batchSize,
        streamPrefixes: [...READ_MODEL_STREAM_PREFIXES],
      });
      count += this.apply(page);
      if (page.length < this.batchSize) return count;
    }
  }

  /**
   * Tries every parked stream again with its events as the store holds them now (after a fix of
   * the projection, or of what made it fail). A stream whose events all apply is released; the
   * others stay parked, their attempts counted.
   */
  async retryParked(): Promise<ParkedRetryReport> {
    const report: ParkedRetryReport = { released: [], stillParked: [] };
    const streams = this.projection.parkedStreams(Number.MAX_SAFE_INTEGER);
    for (const { streamId } of streams) {
      this.assertUsable();
      const events = await this.store.readStream(streamId);
      if (this.closed) break;
      const outcome = this.projection.retryParked(streamId, events, this.appliedSubject.observed);
      if (outcome.released) {
        report.released.push(streamId);
        this.logger.log(`projector released ${streamId}: its ${outcome.applied.length} parked events applied`);
        for (const event of outcome.applied) this.appliedSubject.next(event);
      } else if (outcome.error) {
        report.stillParked.push({ streamId, error: outcome.error.reason });
      } else {
        // Its stream grew between the read and now: the next retry reads it again.
        report.stillParked.push({ streamId, error: 'the stream changed while it was read: try again' });
      }
    }
    return report;
  }

  /** Parked streams, longest parked first. */
  parkedStreams(limit: number, offset = 0): ParkedStream[] {
    return this.projection.parkedStreams(limit, offset);
  }

  /**
   * Resolves true once the read model includes the event at `position` (a client reading its own
   * write), false after `timeoutMs`. Rejects when the projector has stopped on an error.
   */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.reached(position)) return Promise.resolve(true);
    if (this.closed) return Promise.resolve(false);
    return new Promise<boolean>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => this.settle(waiter, false), timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  checkpoint(): Position | null {
    return this.projection.checkpoint;
  }

  status(): ProjectorStatus {
    const parkedCount = this.closed ? 0 : this.projection.parkedCount;
    return {
      running: this.subscription !== null,
      checkpoint: this.projection.checkpoint,
      eventsApplied: this.projection.eventsApplied,
      error: this.failure?.message ?? null,
      retrying: this.retryTimer !== null,
      lastTransientError: this.lastTransient?.message ?? null,
      nextRetryAt: this.nextRetryAt === null ? null : new Date(this.nextRetryAt).toISOString(),
      parkedCount,
      parked: parkedCount > 0 ? this.projection.parkedStreams(STATUS_PARKED_LIMIT) : [],
    };
  }

  private async follow(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) {
        if (this.subscription !== subscription) break;
        this.buffer.push(event);
        // Events that arrive together (one append, or a burst) share one transaction.
        if (this.buffer.length >= this.batchSize) this.flushBuffer();
        else this.flushTimer ??= setImmediate(() => this.flushBuffer());
      }
    } catch (error) {
      if (this.subscription === subscription) this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private flushBuffer(): void {
    if (this.flushTimer) clearImmediate(this.flushTimer);
    this.flushTimer = null;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0 || this.failure || this.closed || !this.subscription) return;
    try {
      this.apply(batch);
    } catch (error) {
      if (!isTransientProjectionError(error)) return; // apply() has already stopped the projector and logged why.
      // The events after the failed one are still coming: following on would leave a gap. Stop,
      // and catch up from the checkpoint once the failure has passed.
      const subscription = this.subscription;
      this.subscription = null;
      this.buffer = [];
      if (subscription) void subscription.unsubscribe().catch(() => undefined);
      this.scheduleRetry(error);
    }
  }

  /** Applies a batch; rejected events are parked. Throws the ProjectionError of a transient failure. */
  private apply(events: readonly RecordedEvent[]): number {
    if (events.length === 0) return 0;
    let outcome: ReturnType<typeof applyOrPark>;
    try {
      // Who may see each event is worked out only while someone listens (a live stream is open).
      outcome = applyOrPark(this.projection, events, this.appliedSubject.observed);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    for (const parked of outcome.parked) this.logger.error(`projector parked ${parked.streamId} and every later event of it: ${parked.message}`);
    for (const waiter of this.waiters) if (this.reached(waiter.position)) this.settle(waiter, true);
    for (const event of outcome.applied) this.appliedSubject.next(event);
    if (outcome.transient) throw outcome.transient;
    return outcome.applied.length;
  }

  private scheduleRetry(error: ProjectionError): void {
    if (this.closed || this.failure) return;
    this.lastTransient = error;
    const delay = this.backoff.next();
    this.nextRetryAt = Date.now() + delay;
    this.logger.error(`projector will retry in ${delay} ms after a transient failure: ${error.message}`);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.nextRetryAt = null;
      this.start().catch((failure: unknown) => {
        if (!this.closed) this.fail(failure instanceof Error ? failure : new Error(String(failure)));
      });
    }, delay);
  }

  /** A catch-up went through: the transient failure, if there was one, has passed. */
  private recovered(): void {
    if (this.lastTransient) this.logger.log(`projector recovered from a transient failure: ${this.lastTransient.message}`);
    this.lastTransient = null;
    this.backoff.reset();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.logger.error(`projector stopped: ${error.message}`, error.stack);
    const subscription = this.subscription;
    this.subscription = null;
    if (subscription) void subscription.unsubscribe().catch(() => undefined);
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.reject(error);
    }
    this.appliedSubject.error(error);
  }

  private reached(position: Position): boolean {
    const checkpoint = this.projection.checkpoint;
    return checkpoint !== null && comparePositions(checkpoint, position) >= 0;
  }

  private settle(waiter: Waiter, reached: boolean): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    waiter.resolve(reached);
  }

  private assertUsable(): void {
    if (this.failure) throw this.failure;
    if (this.closed) throw new Error('projector is closed');
  }

  private describeCheckpoint(): string {
    const checkpoint = this.projection.checkpoint;
    return checkpoint ? `position ${formatPosition(checkpoint)}` : 'the first event';
  }
}

function isTransientProjectionError(error: unknown): error is ProjectionError {
  return error instanceof Error && error.name === 'ProjectionError' && (error as ProjectionError).transient === true;
}
