/** What one request in a batch came to: its own result or its own error. */
export type BatchOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions<Q, R> {
  /**
   * Runs one batch in ONE transaction and reports an outcome per request, in order. Throwing
   * means the transaction as a whole failed (nothing committed).
   */
  commit: (batch: Q[]) => BatchOutcome<R>[];
  /** Whether a whole-batch failure is worth retrying (the file is locked by another process). */
  isRetryable: (error: unknown) => boolean;
  maxBatchSize: number;
  /** How long to keep retrying a locked file before the callers get the error. */
  retryForMs: number;
  /** Called after each committed batch (not after a failed one). */
  afterCommit?: () => void;
}

/**
 * Follow-on commits allowed in one turn of the event loop (see schedule()): enough to spare a
 * sequential writer most loop turns, few enough (~1 ms of commits) that it never starves the
 * rest of the process.
 */
const MAX_FOLLOW_ONS_PER_TURN = 8;

interface Pending<Q, R> {
  request: Q;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: every request made in the same turn of the event loop is committed in a single
 * transaction, so one fsync acknowledges many appends. A request's promise settles only after
 * its batch's transaction has committed. Batches run one at a time and in arrival order, which
 * also serialises this process's writes to the file.
 */
export class GroupCommit<Q, R> {
  private queue: Pending<Q, R>[] = [];
  private scheduled = false;
  private running: Promise<void> | null = null;
  private transactions = 0;
  private requests = 0;
  /** Follow-on commits still allowed in this turn (see allowFollowOns). */
  private followOns = 0;
  /** Whether this turn has had its allowance: it is granted once per turn, never topped up. */
  private followOnsGranted = false;
  private readonly runScheduled = (): void => {
    this.scheduled = false;
    this.runQueued();
  };
  private readonly endTurn = (): void => {
    this.followOns = 0;
    this.followOnsGranted = false;
  };

  constructor(private readonly options: GroupCommitOptions<Q, R>) {}

  submit(request: Q): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** Committed transactions and the requests they carried, for tests and metrics. */
  stats(): { transactions: number; requests: number } {
    return { transactions: this.transactions, requests: this.requests };
  }

  /** Resolves once everything submitted so far has settled. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.running || this.scheduled) {
      if (this.running) await this.running;
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    if (this.followOns > 0) {
      // A follow-on: the request came from a caller whose lone append this turn just committed
      // (a sequential writer: an import, a command that appends twice). Nobody else was writing,
      // so waiting for the next turn would only add its latency: commit once the microtasks
      // queued so far have run (callers resolving their awaits still join the batch).
      this.followOns -= 1;
      queueMicrotask(this.runScheduled);
      return;
    }
    // setImmediate, not a microtask: callers that are still resolving their own awaits in this
    // turn, and requests arriving in the I/O callbacks of this turn, get into the same batch.
    setImmediate(this.runScheduled);
  }

  /**
   * Commits the queued batches one after another, synchronously: a batch that commits at the
   * first try costs no promise hops. Only a locked file moves the work into an async retry loop,
   * which yields to the event loop between attempts.
   */
  private runQueued(): void {
    const stuck = this.commitQueued();
    if (stuck === null) return;
    this.running = this.retryThenCommitQueued(stuck).finally(() => {
      this.running = null;
      if (this.queue.length > 0) this.schedule();
    });
  }

  /** Returns the batch that found the file locked (nothing of it committed), or null when all is done. */
  private commitQueued(): Pending<Q, R>[] | null {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatchSize);
      let outcomes: BatchOutcome<R>[];
      try {
        outcomes = this.options.commit(batch.map((p) => p.request));
      } catch (error) {
        if (this.options.isRetryable(error)) return batch;
        for (const pending of batch) pending.reject(error);
        continue;
      }
      this.settle(batch, outcomes);
    }
    return null;
  }

  private async retryThenCommitQueued(first: Pending<Q, R>[]): Promise<void> {
    let stuck: Pending<Q, R>[] | null = first;
    while (stuck !== null) {
      const outcomes = await this.commitWithRetry(stuck);
      if (outcomes !== null) this.settle(stuck, outcomes);
      stuck = this.commitQueued();
    }
  }

  private settle(batch: Pending<Q, R>[], outcomes: BatchOutcome<R>[]): void {
    this.transactions += 1;
    this.requests += batch.length;
    this.allowFollowOns(batch.length);
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
    this.options.afterCommit?.();
  }

  /**
   * After a lone append (no concurrent writers in sight), its caller's next append may commit in
   * this same turn; after a batch of several, the next one gathers for a turn as usual. The
   * allowance ends with the turn.
   */
  private allowFollowOns(batchSize: number): void {
    if (batchSize !== 1) {
      this.followOns = 0;
      return;
    }
    if (this.followOnsGranted) return;
    this.followOnsGranted = true;
    this.followOns = MAX_FOLLOW_ONS_PER_TURN;
    setImmediate(this.endTurn);
  }

  /** null when the batch failed as a whole; its callers have been rejected. The first attempt already failed. */
  private async commitWithRetry(batch: Pending<Q, R>[]): Promise<BatchOutcome<R>[] | null> {
    const giveUpAt = Date.now() + this.options.retryForMs;
    let delayMs = 5;
    for (;;) {
      // Yield to the event loop so the rest of the process (and its timers) keeps running.
      await new Promise<void>((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(delayMs * 2, 250);
      try {
        return this.options.commit(batch.map((p) => p.request));
      } catch (error) {
        if (this.options.isRetryable(error) && Date.now() < giveUpAt) continue;
        for (const pending of batch) pending.reject(error);
        return null;
      }
    }
  }
}
