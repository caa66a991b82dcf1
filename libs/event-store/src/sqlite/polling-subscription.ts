import type { RecordedEvent, Subscription } from '../port/event-store.port';
import { WakeSignal } from '../shared/wake-signal';

export interface PolledSource {
  /**
   * Up to `maxCount` events after `after`. `scannedTo` is how far the store was looked at, which
   * can be past the last returned event when a filter skipped the rest: the next page starts there.
   */
  readPage(after: bigint, maxCount: number): { events: RecordedEvent[]; scannedTo: bigint };
  /** In-process notification of a commit; returns the function that stops listening. */
  onAppended(listener: () => void): () => void;
}

export interface PollingSubscriptionOptions {
  after: bigint;
  pageSize: number;
  /** Fallback for writers this process is not told about (another process on the same file). */
  pollIntervalMs: number;
  /** Called once when the subscription ends, however it ends. */
  onEnd: () => void;
}

/**
 * Catch-up subscription over a store that can be read by position: page through the history,
 * then sleep until an in-process append wakes it or the poll interval passes.
 */
export class PollingSubscription implements Subscription {
  private closed = false;
  private readonly signal = new WakeSignal();
  private readonly stopListening: () => void;
  private readonly iterator: AsyncGenerator<RecordedEvent>;

  constructor(
    private readonly source: PolledSource,
    private readonly options: PollingSubscriptionOptions,
  ) {
    this.stopListening = source.onAppended(() => this.signal.wake());
    this.iterator = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  async unsubscribe(): Promise<void> {
    this.end();
    // Wakes a consumer that is waiting for the next event, so its loop ends now, not at the next poll.
    this.signal.wake();
  }

  private end(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopListening();
    this.options.onEnd();
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    let after = this.options.after;
    try {
      while (!this.closed) {
        const { events, scannedTo } = this.source.readPage(after, this.options.pageSize);
        for (const event of events) {
          if (this.closed) return;
          yield event;
        }
        after = scannedTo;
        if (events.length < this.options.pageSize && !this.closed) await this.signal.wait(this.options.pollIntervalMs);
      }
    } finally {
      this.end();
    }
  }
}
