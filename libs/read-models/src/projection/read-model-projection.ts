import {
  createWorkingCalendar,
  NATIONAL_RULEBOOK,
  DELEGATION_STREAM_PREFIX,
  SESSION_STREAM_PREFIX,
  SUGGESTION_STREAM_PREFIX,
  UNIT_STREAM_PREFIX,
  USER_STREAM_PREFIX,
  type Rulebook,
  type WorkingCalendar,
} from '@duban/domain';
import { comparePositions, type Position, type RecordedEvent } from '@duban/event-store';
import { INBOX_STREAM_PREFIX } from '../inbox/inbox-stream';
import type { ReadModelDatabase } from '../schema/open-read-model';
import { AccountProjection } from './account-projection';
import { AccountWriter } from './account-writer';
import type { AppliedEvent } from './applied-event';
import { CheckpointStore } from './checkpoint-store';
import { InboxProjection } from './inbox-projection';
import { NotificationWriter } from './notifications/notification-writer';
import { ParkedStreams, type ParkedStream } from './parked-streams';
import { ProjectionError } from './projection-error';
import { DelegationProjection } from './delegation-projection';
import { SessionProjection } from './session-projection';
import { SuggestionProjection } from './suggestion-projection';
import { SuggestionRowWriter } from './suggestion-row-writer';
import { RoutingEvidenceWriter } from './routing/routing-evidence-writer';
import { SupervisionWriter } from './supervision/supervision-writer';
import { UnitNames } from './unit-names';
import type { PhaseTimes } from './phase-times';

/** The streams the read models are made of. */
export const READ_MODEL_STREAM_PREFIXES: readonly string[] = [
  SUGGESTION_STREAM_PREFIX,
  USER_STREAM_PREFIX,
  UNIT_STREAM_PREFIX,
  INBOX_STREAM_PREFIX,
  SESSION_STREAM_PREFIX,
  DELEGATION_STREAM_PREFIX,
];

/**
 * The rules that place each suggestion's next wake-up for the scheduler (reminders are recorded
 * `remindBefore` ahead, in working days). A read model built with other rules than the service's
 * wakes the scheduler at the wrong times: give both the same.
 */
export interface ProjectionRules {
  rulebook?: Rulebook;
  calendar?: WorkingCalendar;
}

/** The national rulebook and the official calendar without overrides by default (the calendar answers a day with one lookup, so no cache of its own here). */
export function resolveRules(rules: ProjectionRules): { rulebook: Rulebook; calendar: WorkingCalendar } {
  return { rulebook: rules.rulebook ?? NATIONAL_RULEBOOK, calendar: rules.calendar ?? createWorkingCalendar() };
}

export interface ReadModelProjectionOptions extends ProjectionRules {
  /** Suggestion states kept folded in memory. */
  stateCacheSize: number;
  /**
   * Rebuilds only: suggestion rows are written when their state leaves the cache or at flush(),
   * not at every batch, so rows and checkpoint may disagree until flush(). Only for a file that
   * is thrown away when anything fails before flush().
   */
  writeBack: boolean;
  /**
   * Events of a parked stream are parked (recorded in `parked_events`, not applied) and
   * `park()` / `retryParked()` may be used: the live projector and a rebuild's isolation pass.
   * Needs a real connection (a failed batch is rolled back) and writeBack false (a failure is
   * then the batch's, not a later flush's). Default false: a batch that fails throws.
   */
  parking?: boolean;
  /** Wall clock for parked_events.first_failed_at (default: the system clock). */
  now?: () => string;
  /**
   * Rebuilds that apply events out of the global order (applyOutOfOrder): units are named in
   * notifications as of each event's position, not as last registered. Default false.
   */
  outOfOrder?: boolean;
  /** Where to add the suggestion projection's time per phase (a rebuild's split). */
  times?: PhaseTimes;
  /** Notifications go to this table instead of `notifications` (a rebuild's staging table, copied in seq order at the end). */
  notificationsTable?: string;
}

/** A stream whose parked events were tried again. */
export interface RetryOutcome {
  streamId: string;
  released: boolean;
  /** The events applied (released) or the new error (still parked). */
  applied: readonly AppliedEvent[];
  error: ProjectionError | null;
}

/**
 * Applies events to the read-model tables. The projector (live) and the rebuild share it, which
 * is what makes a rebuilt model equal to the live one.
 */
export class ReadModelProjection {
  private readonly checkpoints: CheckpointStore;
  private readonly notifications: NotificationWriter;
  private readonly unitNames: UnitNames;
  private readonly suggestions: SuggestionProjection;
  private readonly accounts: AccountProjection;
  private readonly inbox: InboxProjection;
  private readonly sessions: SessionProjection;
  private readonly delegations: DelegationProjection;
  private readonly parked: ParkedStreams;
  private readonly parking: boolean;
  private readonly now: () => string;
  private position: Position | null;
  private applied: number;
  /** The furthest position applied out of order (applyOutOfOrder), made the checkpoint by flush(). */
  private furthest: Position | null = null;

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly options: ReadModelProjectionOptions,
  ) {
    this.checkpoints = new CheckpointStore(db);
    this.notifications = new NotificationWriter(db, options.notificationsTable);
    this.unitNames = new UnitNames(db, { history: options.outOfOrder ?? false });
    this.suggestions = new SuggestionProjection(
      {
        rows: new SuggestionRowWriter(db),
        supervision: new SupervisionWriter(db),
        notifications: this.notifications,
        unitNames: this.unitNames,
        rules: resolveRules(options),
        routing: new RoutingEvidenceWriter(db),
      },
      options.stateCacheSize,
      options.times ?? null,
    );
    this.accounts = new AccountProjection(new AccountWriter(db), this.unitNames);
    this.inbox = new InboxProjection(db);
    this.sessions = new SessionProjection(db);
    this.delegations = new DelegationProjection(db);
    this.parking = options.parking ?? false;
    if (this.parking && options.writeBack) throw new Error('ReadModelProjection: parking needs writeBack false');
    this.parked = new ParkedStreams(db, this.parking);
    this.now = options.now ?? (() => new Date().toISOString());
    const stored = this.checkpoints.load();
    this.position = stored?.position ?? null;
    this.applied = stored?.eventsApplied ?? 0;
  }

  /** The last event whose effects are committed, or null before the first. */
  get checkpoint(): Position | null {
    return this.position;
  }

  get eventsApplied(): number {
    return this.applied;
  }

  /** Streams held back (parking mode). */
  get parkedCount(): number {
    return this.parked.count;
  }

  parkedStreams(limit: number, offset = 0): ParkedStream[] {
    return this.parking ? this.parked.list(limit, offset) : [];
  }

  /**
   * Applies, in one transaction with the checkpoint, the events that are after the checkpoint
   * (earlier ones were applied already: a source may deliver them twice). Returns those applied;
   * in parking mode an event of a parked stream is parked instead (not returned).
   * Throws ProjectionError and changes nothing when one cannot be applied. With `describe`, the
   * suggestion events returned say who may see them (for live updates; it costs an object each).
   */
  applyBatch(events: readonly RecordedEvent[], describe = false): readonly AppliedEvent[] {
    const fresh = this.position === null ? events : events.filter((e) => comparePositions(e.position, this.position!) > 0);
    if (fresh.length === 0) return [];
    const last = fresh[fresh.length - 1]!;
    const total = this.applied + fresh.length;
    // Only once something is parked can an event be left out: until then the batch is the answer.
    const collect = describe || this.parked.active;
    const applied: AppliedEvent[] = collect ? [] : (fresh as AppliedEvent[]);
    let current: RecordedEvent | undefined;
    let parkedNow = 0;
    try {
      this.db.transaction(() => {
        for (current of fresh) {
          if (this.parking && this.parked.has(current.streamId)) {
            this.parked.park(current, heldBack(current.streamId), this.now());
            parkedNow++;
            continue;
          }
          const described = this.applyOne(current, describe);
          if (collect) applied.push(described ?? current);
        }
        current = undefined;
        if (!this.options.writeBack) this.suggestions.flush();
        this.notifications.flushPending();
        this.checkpoints.save(last.position, total - parkedNow);
      })();
    } catch (error) {
      this.rollBack();
      if (error instanceof ProjectionError) throw error;
      throw new ProjectionError(current ?? last, error);
    }
    this.parked.commit();
    this.position = last.position;
    this.applied = total - parkedNow;
    return applied;
  }

  /**
   * Parks one event the projection could not apply (parking mode): recorded with its error, the
   * checkpoint moved past it, and every later event of its stream parked too. Its stream's rows
   * stay as they were before it.
   */
  park(event: RecordedEvent, error: string): void {
    if (!this.parking) throw new Error('ReadModelProjection: park() needs parking mode');
    if (this.position !== null && comparePositions(event.position, this.position) <= 0) return;
    try {
      this.db.transaction(() => {
        this.parked.park(event, error, this.now());
        this.checkpoints.save(event.position, this.applied);
      })();
    } catch (failure) {
      this.parked.rollback();
      throw new ProjectionError(event, failure);
    }
    this.parked.commit();
    this.position = event.position;
  }

  /**
   * Tries a parked stream again with its events as the store holds them now: those from its first
   * parked revision up to the checkpoint (later ones reach the projection the usual way). Its rows
   * are those of the revision before, so applying the rest continues it exactly; all of them apply
   * in one transaction and the stream is released, or nothing changes but the attempt count.
   */
  retryParked(streamId: string, streamEvents: readonly RecordedEvent[], describe = false): RetryOutcome {
    const range = this.parked.range(streamId);
    if (range === null) return { streamId, released: false, applied: [], error: null };
    const checkpoint = this.position;
    const events = streamEvents.filter(
      (e) =>
        e.streamId === streamId &&
        comparePositions(e.position, range.first) >= 0 &&
        checkpoint !== null &&
        comparePositions(e.position, checkpoint) <= 0,
    );
    // Read before its latest parked event was stored: releasing now would drop that one.
    const lastRead = events[events.length - 1];
    if (!lastRead || comparePositions(lastRead.position, range.last) < 0) return { streamId, released: false, applied: [], error: null };
    const applied: AppliedEvent[] = [];
    let current: RecordedEvent | undefined;
    try {
      this.db.transaction(() => {
        for (current of events) applied.push(this.applyOne(current, describe) ?? current);
        current = undefined;
        this.suggestions.flush();
        this.notifications.flushPending();
        this.parked.release(streamId);
        if (checkpoint) this.checkpoints.save(checkpoint, this.applied + events.length);
      })();
    } catch (failure) {
      this.rollBack();
      const error = failure instanceof ProjectionError ? failure : new ProjectionError(current ?? lastRead, failure);
      if (error.transient) throw error;
      this.db.transaction(() => this.parked.recordAttempt(streamId, error.reason))();
      return { streamId, released: false, applied: [], error };
    }
    this.parked.released(streamId);
    this.applied += events.length;
    return { streamId, released: true, applied, error: null };
  }

  /**
   * A rebuild's way (write-back mode, a new file): applies the events in one transaction without
   * looking at the checkpoint, so they may come in another order than the global one, as long as
   * each stream's come in its own order and the units' before the suggestions' (a rebuild reads the
   * other streams first, then the suggestions stream by stream). flush() then makes the furthest
   * position applied the checkpoint. Throws ProjectionError and changes nothing when one cannot be applied.
   */
  applyOutOfOrder(events: readonly RecordedEvent[]): void {
    if (!this.options.writeBack || !this.options.outOfOrder || this.parking) {
      throw new Error('ReadModelProjection: applyOutOfOrder needs writeBack and outOfOrder, without parking');
    }
    if (events.length === 0) return;
    let current: RecordedEvent | undefined;
    let furthest = this.furthest;
    try {
      this.db.transaction(() => {
        for (current of events) {
          this.applyOne(current, false);
          if (furthest === null || comparePositions(current.position, furthest) > 0) furthest = current.position;
        }
        current = undefined;
        this.notifications.flushPending();
      })();
    } catch (error) {
      this.rollBack();
      if (error instanceof ProjectionError) throw error;
      throw new ProjectionError(current ?? events[events.length - 1]!, error);
    }
    this.furthest = furthest;
    this.applied += events.length;
  }

  /** Writes every suggestion state not written yet (write-back mode), with the checkpoint. */
  flush(): void {
    if (this.furthest !== null && (this.position === null || comparePositions(this.furthest, this.position) > 0)) this.position = this.furthest;
    this.db.transaction(() => {
      this.suggestions.flush();
      this.notifications.flushPending();
      if (this.position) this.checkpoints.save(this.position, this.applied);
    })();
  }

  /** After a rolled-back transaction the cached states and pending rows are ahead of the file: forget them. */
  private rollBack(): void {
    this.notifications.discardPending();
    this.unitNames.clear();
    this.suggestions.forget();
    this.parked.rollback();
  }

  private applyOne(event: RecordedEvent, describe: boolean): AppliedEvent | null {
    if (event.streamId.startsWith(SUGGESTION_STREAM_PREFIX)) {
      const visibility = this.suggestions.apply(event, describe);
      if (!visibility) return null;
      const { suggestionId, deputyIds, unitIds } = visibility;
      return { ...event, suggestionId, visibleTo: { deputyIds, unitIds } };
    }
    if (AccountProjection.handles(event.streamId)) this.accounts.apply(event);
    else if (InboxProjection.handles(event.streamId)) this.inbox.apply(event);
    else if (SessionProjection.handles(event.streamId)) this.sessions.apply(event);
    else if (DelegationProjection.handles(event.streamId)) this.delegations.apply(event);
    // Anything else was not asked for (readAll filters by prefix); it only moves the checkpoint.
    return null;
  }
}

function heldBack(streamId: string): string {
  return `held back: an earlier event of ${streamId} is parked`;
}
