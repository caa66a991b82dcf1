import {
  ErrorType,
  START,
  streamNameFilter,
  type AllStreamSubscription,
  type EventStoreDBClient,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { status } from '@grpc/grpc-js';
import type { Position, RecordedEvent, Subscription } from '../port/event-store.port';
import { comparePositions } from '../port/position';
import { backoffDelayMs } from '../shared/backoff';
import { WakeSignal } from '../shared/wake-signal';
import { isWanted, toRecordedEvent } from './esdb-mapping';

export interface EsdbSubscriptionOptions {
  after?: Position;
  prefixes: readonly string[];
  /** The server's event as the port's (e.g. without the stream namespace); default toRecordedEvent. */
  toPort?: (event: EsdbRecordedEvent) => RecordedEvent;
  onEnd: () => void;
  log: (message: string) => void;
}

/**
 * Errors a reconnect cannot fix: wrong credentials or a malformed request. 6.2.1 turns a gRPC
 * INVALID_ARGUMENT or PERMISSION_DENIED status into an UnknownError, so the status code is checked
 * too (the error keeps it as `code`); ErrorType.INVALID_ARGUMENT is only the client's own check.
 */
export function isFatalSubscriptionError(error: unknown): boolean {
  const { type, code } = (error ?? {}) as { type?: unknown; code?: unknown };
  if (type === ErrorType.ACCESS_DENIED || type === ErrorType.INVALID_ARGUMENT) return true;
  return code === status.INVALID_ARGUMENT || code === status.PERMISSION_DENIED || code === status.UNAUTHENTICATED;
}

/**
 * Catch-up subscription to $all that survives the server going away: on any drop it
 * resubscribes from the last position it delivered, waiting longer after each failed attempt.
 * Delivered events are never repeated: anything at or before the last position is skipped.
 */
export class EsdbSubscription implements Subscription {
  private closed = false;
  private current: AllStreamSubscription | null = null;
  private readonly backoff = new WakeSignal();
  private readonly iterator: AsyncGenerator<RecordedEvent>;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbSubscriptionOptions,
  ) {
    this.iterator = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  async unsubscribe(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.backoff.wake();
    const current = this.current;
    this.current = null;
    // Ends the server stream, which ends the for-await in run() and so the consumer's loop.
    await current?.unsubscribe().catch(() => undefined);
    this.options.onEnd();
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    let last = this.options.after;
    let attempt = 0;
    try {
      while (!this.closed) {
        const subscription = this.client.subscribeToAll({
          fromPosition: last ?? START,
          resolveLinkTos: false,
          // The server filters by stream prefix; the check in the loop also drops `$` events.
          filter: streamNameFilter({ prefixes: [...this.options.prefixes] }),
        });
        this.current = subscription;
        try {
          for await (const resolved of subscription) {
            attempt = 0;
            const event = resolved.event;
            if (!event || !isWanted(event, this.options.prefixes)) continue;
            if (last && comparePositions(event.position, last) <= 0) continue;
            last = event.position;
            yield (this.options.toPort ?? toRecordedEvent)(event);
            if (this.closed) return;
          }
          if (this.closed) return;
          this.options.log('EventStoreDB subscription to $all ended by the server; resubscribing');
        } catch (error) {
          if (this.closed) return;
          if (isFatalSubscriptionError(error)) {
            // The consumer's loop rejects with it, so the projector reports itself stopped instead of running.
            this.options.log(`EventStoreDB subscription to $all failed for good (${describe(error)}); not resubscribing`);
            throw error;
          }
          this.options.log(`EventStoreDB subscription to $all dropped (${describe(error)}); resubscribing`);
        } finally {
          if (this.current === subscription) this.current = null;
          await subscription.unsubscribe().catch(() => undefined);
        }
        await this.backoff.wait(backoffDelayMs(attempt++));
      }
    } finally {
      if (!this.closed) {
        this.closed = true;
        this.options.onEnd();
      }
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
