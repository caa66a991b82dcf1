import { formatPosition, type RecordedEvent } from '@duban/event-store';
import { isTransientFailure } from './transient-failure';

/**
 * An event the projection could not apply. Never silently skipped: when the cause is transient
 * (disk full, I/O error, a lock) the projector keeps its checkpoint and tries again; otherwise the
 * event is parked with every later event of its stream (`parked_events`), so a read model never
 * silently misses an event and one bad event never stops the others.
 */
export class ProjectionError extends Error {
  readonly streamId: string;
  readonly revision: bigint;
  readonly eventType: string;
  readonly position: string;
  /** Disk full, I/O error or a lock: retry the same event later instead of parking it. */
  readonly transient: boolean;

  constructor(event: RecordedEvent, override readonly cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `read-model projection stopped at ${event.type} ${event.streamId}@${event.revision} ` +
        `(position ${formatPosition(event.position)}): ${reason}`,
    );
    this.name = 'ProjectionError';
    this.streamId = event.streamId;
    this.revision = event.revision;
    this.eventType = event.type;
    this.position = formatPosition(event.position);
    this.transient = isTransientFailure(cause);
  }

  /** The cause's own message, without the event's description (what an operator reads in a list). */
  get reason(): string {
    return this.cause instanceof Error ? this.cause.message : String(this.cause);
  }
}
