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
import { READ_MODEL_STREAM_PREFIXES, ReadModelProjection, type ProjectionRules } from '../projection/read-model-projection';
import { openReadModelDatabase, type ReadModelDatabase } from '../schema/open-read-model';
import { SILENT_LOGGER, type ProjectorLogger } from './projector-logger';

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
}

export interface ProjectorStatus {
  running: boolean;
  checkpoint: Position | null;
  eventsApplied: number;
  /** Set once the projector has stopped on an event it could not apply. */
  error: string | null;
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

  constructor(
    private readonly store: EventStore,
    readModelPath: string,
    options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.logger = options.logger ?? SILENT_LOGGER;
    const { db, reset } = openReadModelDatabase(readModelPath, 'live');
    this.database = db;
    this.wasReset = reset;
    this.projection = new ReadModelProjection(db, {
      stateCacheSize: options.stateCacheSize ?? 5_000,
      writeBack: false,
      ...(options.rulebook ? { rulebook: options.rulebook } : {}),
      ...(options.calendar ? { calendar: options.calendar } : {}),
    });
    this.applied$ = this.appliedSubject.asObservable();
    if (reset) this.logger.log(`read model at ${readModelPath} is new or of another schema version: replaying every event`);
  }

  /** Catches up, then follows new events as they are appended. */
  async start(): Promise<void> {
    this.assertUsable();
    if (this.subscription) return;
    await this.catchUp();
    if (this.subscription || this.closed) return;
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

  /** Applies everything up to the store's head as it is now. Resolves to the number of events applied. */
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
    return {
      running: this.subscription !== null,
      checkpoint: this.projection.checkpoint,
      eventsApplied: this.projection.eventsApplied,
      error: this.failure?.message ?? null,
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
    if (batch.length === 0 || this.failure || this.closed) return;
    try {
      this.apply(batch);
    } catch {
      // apply() has already stopped the projector and logged why.
    }
  }

  private apply(events: readonly RecordedEvent[]): number {
    if (events.length === 0) return 0;
    let applied: readonly AppliedEvent[];
    try {
      // Who may see each event is worked out only while someone listens (a live stream is open).
      applied = this.projection.applyBatch(events, this.appliedSubject.observed);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    if (applied.length === 0) return 0;
    for (const waiter of this.waiters) if (this.reached(waiter.position)) this.settle(waiter, true);
    for (const event of applied) this.appliedSubject.next(event);
    return applied.length;
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
