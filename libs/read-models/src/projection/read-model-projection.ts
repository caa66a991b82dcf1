import {
  createWorkingCalendar,
  NATIONAL_RULEBOOK,
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
import { ProjectionError } from './projection-error';
import { SuggestionProjection } from './suggestion-projection';
import { SuggestionRowWriter } from './suggestion-row-writer';
import { memoCalendar } from './supervision/memo-calendar';
import { SupervisionWriter } from './supervision/supervision-writer';
import { UnitNames } from './unit-names';

/** The streams the read models are made of. */
export const READ_MODEL_STREAM_PREFIXES: readonly string[] = [
  SUGGESTION_STREAM_PREFIX,
  USER_STREAM_PREFIX,
  UNIT_STREAM_PREFIX,
  INBOX_STREAM_PREFIX,
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

/** The national rulebook and the official calendar without overrides by default; the calendar's answers remembered. */
export function resolveRules(rules: ProjectionRules): { rulebook: Rulebook; calendar: WorkingCalendar } {
  return { rulebook: rules.rulebook ?? NATIONAL_RULEBOOK, calendar: memoCalendar(rules.calendar ?? createWorkingCalendar()) };
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
  private position: Position | null;
  private applied: number;

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly options: ReadModelProjectionOptions,
  ) {
    this.checkpoints = new CheckpointStore(db);
    this.notifications = new NotificationWriter(db);
    this.unitNames = new UnitNames(db);
    this.suggestions = new SuggestionProjection(
      {
        rows: new SuggestionRowWriter(db),
        supervision: new SupervisionWriter(db),
        notifications: this.notifications,
        unitNames: this.unitNames,
        rules: resolveRules(options),
      },
      options.stateCacheSize,
    );
    this.accounts = new AccountProjection(new AccountWriter(db), this.unitNames);
    this.inbox = new InboxProjection(db);
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

  /**
   * Applies, in one transaction with the checkpoint, the events that are after the checkpoint
   * (earlier ones were applied already: a source may deliver them twice). Returns those applied.
   * Throws ProjectionError and changes nothing when one cannot be applied. With `describe`, the
   * suggestion events returned say who may see them (for live updates; it costs an object each).
   */
  applyBatch(events: readonly RecordedEvent[], describe = false): readonly AppliedEvent[] {
    const fresh = this.position === null ? events : events.filter((e) => comparePositions(e.position, this.position!) > 0);
    if (fresh.length === 0) return [];
    const last = fresh[fresh.length - 1]!;
    const total = this.applied + fresh.length;
    const applied: AppliedEvent[] = describe ? [] : (fresh as AppliedEvent[]);
    let current: RecordedEvent | undefined;
    try {
      this.db.transaction(() => {
        for (current of fresh) {
          const described = this.applyOne(current, describe);
          if (describe) applied.push(described ?? current);
        }
        current = undefined;
        if (!this.options.writeBack) this.suggestions.flush();
        this.notifications.flushPending();
        this.checkpoints.save(last.position, total);
      })();
    } catch (error) {
      this.notifications.discardPending();
      this.unitNames.clear();
      this.suggestions.forget();
      if (error instanceof ProjectionError) throw error;
      throw new ProjectionError(current ?? last, error);
    }
    this.position = last.position;
    this.applied = total;
    return applied;
  }

  /** Writes every suggestion state not written yet (write-back mode), with the checkpoint. */
  flush(): void {
    this.db.transaction(() => {
      this.suggestions.flush();
      this.notifications.flushPending();
      if (this.position) this.checkpoints.save(this.position, this.applied);
    })();
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
    // Anything else was not asked for (readAll filters by prefix); it only moves the checkpoint.
    return null;
  }
}
