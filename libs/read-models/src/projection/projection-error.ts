import { formatPosition, type RecordedEvent } from '@duban/event-store';

/**
 * An event the projection could not apply. Never skipped: the projector stops on it, because a
 * read model that silently missed an event is wrong from then on (a poison event is a bug).
 */
export class ProjectionError extends Error {
  readonly streamId: string;
  readonly revision: bigint;
  readonly eventType: string;
  readonly position: string;

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
  }
}
