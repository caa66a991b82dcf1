import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@duban/domain';
import type { ReadModelQueries, SimilarSuggestion, UnitSuggestion } from '@duban/read-models';
import { READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { ReadAfterService } from '../read-consistency/read-after.service';
import { suggestionNotFound } from '../suggestions/execution/suggestion-not-found';
import { RoutingIndexService } from './routing-index.service';

/** 智能交办: units ranked for one suggestion (the route lets only staff and admins ask). */
export class GetRoutingQuery extends Query<UnitSuggestion[]> {
  constructor(
    readonly id: string,
    readonly after?: string,
  ) {
    super();
  }
}

/** 解决一类: suggestions like this one that the viewer may read. */
export class GetSimilarQuery extends Query<SimilarSuggestion[]> {
  constructor(
    readonly id: string,
    readonly viewer: Actor,
    readonly after?: string,
  ) {
    super();
  }
}

/** Published suggestions like a text being written (the deputy's form, or anyone). */
export class GetSimilarPublishedQuery extends Query<SimilarSuggestion[]> {
  constructor(readonly text: string) {
    super();
  }
}

@QueryHandler(GetRoutingQuery)
export class GetRoutingHandler implements IQueryHandler<GetRoutingQuery, UnitSuggestion[]> {
  constructor(
    private readonly routing: RoutingIndexService,
    private readonly readAfter: ReadAfterService,
  ) {}

  async execute({ id, after }: GetRoutingQuery): Promise<UnitSuggestion[]> {
    await this.readAfter.waitFor(after);
    const ranked = await this.routing.queries.routing(id);
    if (!ranked) throw suggestionNotFound();
    return ranked;
  }
}

/** A suggestion the viewer may not read answers 404, like a missing one; the list holds only what they may read. */
@QueryHandler(GetSimilarQuery)
export class GetSimilarHandler implements IQueryHandler<GetSimilarQuery, SimilarSuggestion[]> {
  constructor(
    private readonly routing: RoutingIndexService,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    private readonly readAfter: ReadAfterService,
  ) {}

  async execute({ id, viewer, after }: GetSimilarQuery): Promise<SimilarSuggestion[]> {
    await this.readAfter.waitFor(after);
    const similar = await this.routing.queries.similarTo(id, viewer, (who, other) => this.queries.canView(who, other));
    if (!similar) throw suggestionNotFound();
    return similar;
  }
}

@QueryHandler(GetSimilarPublishedQuery)
export class GetSimilarPublishedHandler implements IQueryHandler<GetSimilarPublishedQuery, SimilarSuggestion[]> {
  constructor(private readonly routing: RoutingIndexService) {}

  execute({ text }: GetSimilarPublishedQuery): Promise<SimilarSuggestion[]> {
    return this.routing.queries.similarPublished(text);
  }
}
