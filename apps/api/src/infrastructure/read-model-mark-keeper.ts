import type { LoggerService } from '@nestjs/common';
import { comparePositions, type EventStore, type Position } from '@duban/event-store';
import type { Projector } from '@duban/read-models';
import { markAt, writeStoreMark } from './read-model-store-mark';

/** How often the read model's mark follows its checkpoint; a mark a little behind still identifies the store. */
const RECORD_EVERY_MS = 5_000;

/**
 * Keeps the read model's store mark (see read-model-store-mark.ts) close to its checkpoint: every
 * few seconds while the checkpoint moves, and once more at shutdown. After a crash the mark may be
 * a few seconds older than the checkpoint; it still names an event the same store must hold, and
 * the start-up check compares the checkpoint with the store's head besides.
 */
export class ReadModelMarkKeeper {
  private timer: NodeJS.Timeout | null = null;
  private recorded: Position | null = null;
  private recording: Promise<void> | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly projector: Projector,
    private readonly options: { positionsAreCounts: boolean; logger: LoggerService },
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.recordNow(), RECORD_EVERY_MS);
    // A pending mark must not keep a finished process alive.
    this.timer.unref();
  }

  /** Records the mark of the projector's checkpoint if it moved since the last one. Never throws. */
  recordNow(): Promise<void> {
    this.recording ??= this.record().finally(() => {
      this.recording = null;
    });
    return this.recording;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.recording;
  }

  private async record(): Promise<void> {
    const checkpoint = this.projector.checkpoint();
    if (checkpoint === null || (this.recorded !== null && comparePositions(checkpoint, this.recorded) === 0)) return;
    try {
      const mark = await markAt(this.store, checkpoint, this.options.positionsAreCounts);
      if (mark === null || !this.projector.database.open) return;
      writeStoreMark(this.projector.database, mark);
      this.recorded = mark.position;
    } catch (error) {
      // Only the next start's check is less precise without it; serving goes on.
      this.options.logger.warn?.(`could not record the read model's store mark: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
