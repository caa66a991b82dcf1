/** Waits between attempts after a transient failure: doubling from `initialMs`, never above `maxMs`. */
export interface BackoffOptions {
  /** Default 100 ms. */
  initialMs?: number;
  /** Default 30 s: a full disk freed by an operator is noticed within half a minute. */
  maxMs?: number;
}

export class Backoff {
  private readonly initialMs: number;
  private readonly maxMs: number;
  private attempt = 0;

  constructor(options: BackoffOptions = {}) {
    this.initialMs = options.initialMs ?? 100;
    this.maxMs = Math.max(this.initialMs, options.maxMs ?? 30_000);
  }

  /** The wait before the next attempt; each call doubles the one after. */
  next(): number {
    const delay = Math.min(this.maxMs, this.initialMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    return delay;
  }

  reset(): void {
    this.attempt = 0;
  }
}
