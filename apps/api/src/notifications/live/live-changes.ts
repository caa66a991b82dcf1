import { Inject, Injectable, MessageEvent } from '@nestjs/common';
import type { Actor } from '@duban/domain';
import { inboxStreamId, type Projector, type ReadModelQueries } from '@duban/read-models';
import { catchError, EMPTY, filter, interval, map, merge, Observable, of } from 'rxjs';
import { PROJECTOR, READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { LiveChange, suggestionIdOf, toLiveChange, visibleFromEvent } from './live-change';

/** Proxies and load balancers drop a connection that stays silent for long; a comment keeps it open. */
export const HEARTBEAT_MS = 15_000;

/**
 * The live stream of one person: every change the read model has applied that they may see,
 * after it is committed (so a client that re-reads on a message sees it), plus heartbeats.
 */
@Injectable()
export class LiveChanges {
  constructor(
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
  ) {}

  forViewer(viewer: Actor, heartbeatMs = HEARTBEAT_MS): Observable<MessageEvent> {
    const ownInbox = inboxStreamId(viewer.userId);
    const changes = this.projector.applied$.pipe(
      map((event): LiveChange | null => {
        if (event.streamId === ownInbox) return toLiveChange(event, null);
        const suggestionId = suggestionIdOf(event);
        if (suggestionId === null) return null;
        // Decided after the event is applied, so a newly assigned unit already sees its assignment.
        const visible = visibleFromEvent(event, viewer) ?? this.queries.canView(viewer, suggestionId);
        return visible ? toLiveChange(event, suggestionId) : null;
      }),
      filter((change) => change !== null),
      map((change): MessageEvent => ({ data: change })),
      // A projector that stopped on an error ends the stream; the client's EventSource reconnects.
      catchError(() => EMPTY),
    );
    // The first comment sends the headers at once, so the client knows it is connected.
    const heartbeats = interval(heartbeatMs).pipe(map(() => ({ comment: 'heartbeat' }) as MessageEvent));
    return merge(of({ comment: 'connected' } as MessageEvent), changes, heartbeats);
  }
}
