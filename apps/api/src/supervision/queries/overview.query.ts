import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Rulebook } from '@duban/domain';
import type { Overview, ReadModelQueries } from '@duban/read-models';
import { Clock } from '../../clock/clock';
import { READ_MODEL_QUERIES, RULEBOOK } from '../../infrastructure/tokens';
import { categoryLegend, type CategoryLegendEntry } from '../stats/category-legend';
import { ReadAfterService } from '../../read-consistency/read-after.service';
import { requireKnownSession } from '../period/known-session';
import { scopeOf, type SupervisionPeriod } from '../period/period';

/** `GET /api/stats/overview`: the period echoed, when it was counted, and the figures. */
export type OverviewReport = SupervisionPeriod & { generatedAt: string; answerCategories: CategoryLegendEntry[] } & Overview;

/** The whole jurisdiction's figures for one period: suggestions per status (件) and units' totals (单位次). */
export class GetOverviewQuery extends Query<OverviewReport> {
  constructor(
    readonly period: SupervisionPeriod,
    readonly after?: string,
  ) {
    super();
  }
}

@QueryHandler(GetOverviewQuery)
export class GetOverviewHandler implements IQueryHandler<GetOverviewQuery, OverviewReport> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
    private readonly readAfter: ReadAfterService,
    @Inject(RULEBOOK) private readonly rulebook: Rulebook,
  ) {}

  async execute({ period, after }: GetOverviewQuery): Promise<OverviewReport> {
    await this.readAfter.waitFor(after);
    requireKnownSession(this.queries, period);
    const now = this.clock.nowIso();
    const overview = this.queries.overview({ ...scopeOf(period), now });
    return { ...period, generatedAt: now, answerCategories: categoryLegend(this.rulebook, [overview.totals]), ...overview };
  }
}
