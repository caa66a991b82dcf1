import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor, DeadlineOutcome } from '@duban/domain';
import { EVENT_STORE, type EventStore } from '@duban/event-store';
import type { ReadModelQueries, TimelineEntry } from '@duban/read-models';
import { Clock } from '../../clock/clock';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { ReadAfterService } from '../../read-consistency/read-after.service';
import { suggestionNotFound } from '../execution/suggestion-not-found';
import { readSuggestionTimeline, readTimelineWithDeadlines } from '../timeline/suggestion-timeline';

export type SuggestionTimeline = TimelineEntry[] | { entries: TimelineEntry[]; deadlines: DeadlineOutcome[] };

/** Every event of one suggestion, in stream order; with `withDeadlines`, how each deadline went too. */
export class GetSuggestionTimelineQuery extends Query<SuggestionTimeline> {
  constructor(
    readonly id: string,
    readonly viewer: Actor,
    readonly options: { withDeadlines: boolean; after?: string },
  ) {
    super();
  }
}

@QueryHandler(GetSuggestionTimelineQuery)
export class GetSuggestionTimelineHandler implements IQueryHandler<GetSuggestionTimelineQuery, SuggestionTimeline> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
    private readonly readAfter: ReadAfterService,
  ) {}

  async execute({ id, viewer, options }: GetSuggestionTimelineQuery): Promise<SuggestionTimeline> {
    await this.readAfter.waitFor(options.after);
    // Who may look is the read model's answer; what happened is the stream's (it is never behind).
    if (!this.queries.canView(viewer, id)) throw suggestionNotFound();
    if (!options.withDeadlines) return readSuggestionTimeline(this.store, id);
    return readTimelineWithDeadlines(this.store, id, this.clock.nowIso());
  }
}
