import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { SUGGESTION_STREAM_PREFIX } from '@duban/domain';
import { RoutingQueries, type Projector } from '@duban/read-models';
import type { Subscription } from 'rxjs';
import { PROJECTOR } from '../infrastructure/tokens';

/**
 * The service's one RoutingQueries: its similarity index is built on the first request that needs
 * it (a start, or a benchmark that never asks, pays nothing) and told of every suggestion the
 * projector changes afterwards, which it reads again before its next answer.
 */
@Injectable()
export class RoutingIndexService implements OnModuleInit, OnModuleDestroy {
  readonly queries: RoutingQueries;
  private subscription: Subscription | null = null;

  constructor(@Inject(PROJECTOR) private readonly projector: Projector) {
    this.queries = new RoutingQueries(projector.database);
  }

  onModuleInit(): void {
    this.subscription = this.projector.applied$.subscribe({
      next: (event) => {
        if (event.streamId.startsWith(SUGGESTION_STREAM_PREFIX)) this.queries.changed(event.streamId.slice(SUGGESTION_STREAM_PREFIX.length));
      },
      error: () => undefined,
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
