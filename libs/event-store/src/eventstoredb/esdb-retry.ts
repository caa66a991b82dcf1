import { ErrorType } from '@eventstore/db-client';
import { backoffDelayMs, type BackoffOptions } from '../shared/backoff';

/**
 * Errors of a cluster changing leader or a node going away. The client already points its next
 * call at the new leader (NotLeader names it; Unavailable makes it rediscover), so the same call
 * made again can land. A read-timeout of our own (see consumeRead) counts too.
 */
const TRANSIENT = new Set<unknown>([
  ErrorType.NOT_LEADER,
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  'read-timeout',
]);

export function isTransientEsdbError(error: unknown): boolean {
  return TRANSIENT.has((error as { type?: unknown } | null)?.type);
}

/** Short pauses: a leader election takes a second or two and the caller is an HTTP request. */
export const APPEND_RETRY_BACKOFF: BackoffOptions = { initialMs: 50, maxMs: 1_000, jitter: 0.2 };

export interface RetryOptions {
  /** Total time the operation may take, retries included. */
  budgetMs: number;
  backoff?: BackoffOptions;
  onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Runs `attempt` again after a transient error, with growing pauses, while the budget lasts.
 * Only safe for operations the server recognises when repeated: an append with the same event ids
 * and the same exact expected revision is one (the server's idempotence check).
 */
export async function retryTransient<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const deadline = Date.now() + options.budgetMs;
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransientEsdbError(error)) throw error;
      const pause = backoffDelayMs(tries, options.backoff ?? APPEND_RETRY_BACKOFF);
      if (Date.now() + pause >= deadline) throw error;
      options.onRetry?.(error, tries + 1);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
