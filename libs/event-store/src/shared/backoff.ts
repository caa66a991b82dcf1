export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** 0.2 = each delay is randomly up to 20 % shorter, so many clients do not reconnect in step. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 200, maxMs: 10_000, jitter: 0.2 };

/** Delay before reconnect attempt `attempt` (0 = the first retry): doubling, capped, jittered. */
export function backoffDelayMs(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponential = options.initialMs * 2 ** Math.min(Math.max(attempt, 0), 30);
  const capped = Math.min(exponential, options.maxMs);
  return Math.round(capped * (1 - options.jitter * random()));
}
