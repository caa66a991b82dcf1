import { SUGGESTION_STREAM_PREFIX, UNIT_STREAM_PREFIX, USER_STREAM_PREFIX } from '@duban/domain';
import { comparePositions, type Position, type RecordedEvent } from '@duban/event-store';
import type { ReadModelDatabase } from '../schema/open-read-model';
import { AccountProjection } from './account-projection';
import { ProjectionError } from './projection-error';
import { AccountWriter } from './account-writer';
import { CheckpointStore } from './checkpoint-store';
import { SuggestionProjection } from './suggestion-projection';
import { SuggestionRowWriter } from './suggestion-row-writer';
import { TimelineWriter } from './timeline-writer';

/** The streams the read models are made of. */
export const READ_MODEL_STREAM_PREFIXES: readonly string[] = [
  SUGGESTION_STREAM_PREFIX,
  USER_STREAM_PREFIX,
  UNIT_STREAM_PREFIX,
];

export interface ReadModelProjectionOptions {
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
  private readonly timeline: TimelineWriter;
  private readonly suggestions: SuggestionProjection;
  private readonly accounts: AccountProjection;
  private position: Position | null;
  private applied: number;

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly options: ReadModelProjectionOptions,
  ) {
    this.checkpoints = new CheckpointStore(db);
    this.timeline = new TimelineWriter(db);
    this.suggestions = new SuggestionProjection(new SuggestionRowWriter(db), this.timeline, options.stateCacheSize);
    this.accounts = new AccountProjection(new AccountWriter(db));
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
   * Throws ProjectionError and changes nothing when one cannot be applied.
   */
  applyBatch(events: readonly RecordedEvent[]): readonly RecordedEvent[] {
    const fresh = this.position === null ? events : events.filter((e) => comparePositions(e.position, this.position!) > 0);
    if (fresh.length === 0) return [];
    const last = fresh[fresh.length - 1]!;
    const total = this.applied + fresh.length;
    let current: RecordedEvent | undefined;
    try {
      this.db.transaction(() => {
        for (current of fresh) this.applyOne(current);
        current = undefined;
        if (!this.options.writeBack) this.suggestions.flush();
        this.timeline.flushPending();
        this.checkpoints.save(last.position, total);
      })();
    } catch (error) {
      this.timeline.discardPending();
      this.suggestions.forget();
      if (error instanceof ProjectionError) throw error;
      throw new ProjectionError(current ?? last, error);
    }
    this.position = last.position;
    this.applied = total;
    return fresh;
  }

  /** Writes every suggestion state not written yet (write-back mode), with the checkpoint. */
  flush(): void {
    this.db.transaction(() => {
      this.suggestions.flush();
      this.timeline.flushPending();
      if (this.position) this.checkpoints.save(this.position, this.applied);
    })();
  }

  private applyOne(event: RecordedEvent): void {
    if (event.streamId.startsWith(SUGGESTION_STREAM_PREFIX)) this.suggestions.apply(event);
    else if (AccountProjection.handles(event.streamId)) this.accounts.apply(event);
    // Anything else was not asked for (readAll filters by prefix); it only moves the checkpoint.
  }
}
