import { Inject, NotFoundException } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { toSuggestionDetailView, type Actor, type Rulebook, type WorkingCalendar } from '@duban/domain';
import { EVENT_STORE, type EventStore } from '@duban/event-store';
import type { ReadModelQueries, SuggestionDetail } from '@duban/read-models';
import { Clock } from '../../clock/clock';
import { READ_MODEL_QUERIES, RULEBOOK, WORKING_CALENDAR } from '../../infrastructure/tokens';
import { ReadAfterService } from '../../read-consistency/read-after.service';
import { suggestionAsOf } from '../../supervision/looking-back/suggestion-as-of';
import { suggestionNotFound } from '../execution/suggestion-not-found';

/** One suggestion as this viewer sees it now, or as it was at `asOf` (回溯). */
export class GetSuggestionDetailQuery extends Query<SuggestionDetail> {
  constructor(
    readonly id: string,
    readonly viewer: Actor,
    readonly options: { asOf?: string; after?: string } = {},
  ) {
    super();
  }
}

/**
 * The view is made on read from the stored state: what the caller may do and what is due for them
 * depend on who asks and when, and storing a second, caller-free copy per suggestion would only add
 * to what a rebuild writes. A suggestion the viewer may not see answers 404 like a missing one.
 */
@QueryHandler(GetSuggestionDetailQuery)
export class GetSuggestionDetailHandler implements IQueryHandler<GetSuggestionDetailQuery, SuggestionDetail> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(RULEBOOK) private readonly rulebook: Rulebook,
    @Inject(WORKING_CALENDAR) private readonly calendar: WorkingCalendar,
    private readonly readAfter: ReadAfterService,
  ) {}

  async execute({ id, viewer, options }: GetSuggestionDetailQuery): Promise<SuggestionDetail> {
    await this.readAfter.waitFor(options.after);
    // Who may look is decided as of now, also for a look back.
    if (!this.queries.canView(viewer, id)) throw suggestionNotFound();
    const rules = { actor: viewer, rulebook: this.rulebook, calendar: this.calendar };
    if (options.asOf !== undefined) {
      const then = await suggestionAsOf(this.store, id, options.asOf);
      if (!then) throw new NotFoundException('该时间点建议尚未提交');
      // Deadlines and due level as they stood then; nothing can be done to the past.
      return toSuggestionDetailView(then.state, then.revision, { ...rules, now: options.asOf }, { withActions: false });
    }
    const stored = this.queries.getSuggestion(id);
    if (!stored) throw suggestionNotFound();
    const { revision, ...state } = stored;
    return toSuggestionDetailView(state, revision, { ...rules, now: this.clock.nowIso() });
  }
}
