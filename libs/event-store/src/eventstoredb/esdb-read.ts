/** What every read of the adapter needs from the client's read streams. */
export interface CancellableRead<T> extends AsyncIterable<T> {
  cancel(): Promise<void>;
  destroy(error?: Error): void;
}

/** A read the server did not finish in time; the call has been cancelled. */
export class EventStoreReadTimeoutError extends Error {
  readonly type = 'read-timeout';

  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(`EventStoreDB ${what} did not finish within ${timeoutMs} ms; the read was cancelled`);
    this.name = 'EventStoreReadTimeoutError';
  }
}

/**
 * Hands each item of `read` to `visit` until the read ends or `visit` returns false, then always
 * cancels the gRPC call. The client (6.2.1) neither cancels a call whose iteration stops early nor
 * gives reads a deadline (it passes `deadline: Infinity`), and the server caps open calls per
 * connection (Kestrel: 100): a read left open is a slot lost until the connection goes.
 */
export async function consumeRead<T>(read: CancellableRead<T>, timeoutMs: number, what: string, visit: (item: T) => boolean | void): Promise<void> {
  const timer = setTimeout(() => read.destroy(new EventStoreReadTimeoutError(what, timeoutMs)), timeoutMs);
  try {
    for await (const item of read) {
      if (visit(item) === false) return;
    }
  } finally {
    clearTimeout(timer);
    // Cancelling a call that already ended is a no-op; failing to reach a gone server is not our error.
    await read.cancel().catch(() => undefined);
  }
}
