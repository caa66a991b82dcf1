import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@duban/domain';
import type { ReadModelQueries, SuggestionList, SuggestionListFilter } from '@duban/read-models';
import { Clock } from '../../clock/clock';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { ReadAfterService } from '../../read-consistency/read-after.service';

/** One page of the suggestions the viewer may see, with each one's due level now. */
export class ListSuggestionsQuery extends Query<SuggestionList> {
  constructor(
    readonly filter: SuggestionListFilter,
    readonly viewer: Actor,
    /** A command's `position`: answer only once the read model includes it. */
    readonly after?: string,
  ) {
    super();
  }
}

@QueryHandler(ListSuggestionsQuery)
export class ListSuggestionsHandler implements IQueryHandler<ListSuggestionsQuery, SuggestionList> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
    private readonly readAfter: ReadAfterService,
  ) {}

  async execute({ filter, viewer, after }: ListSuggestionsQuery): Promise<SuggestionList> {
    await this.readAfter.waitFor(after);
    return this.queries.listSuggestions(filter, viewer, this.clock.nowIso());
  }
}
