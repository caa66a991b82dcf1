import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { DelegationStats, ReadModelQueries } from '@duban/read-models';
import { Clock } from '../../clock/clock';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { ReadAfterService } from '../../read-consistency/read-after.service';
import { scopeOf, type SupervisionPeriod } from '../period/period';

/** `GET /api/stats/delegations`: the period echoed, when it was counted, one row per delegation. */
export type DelegationStatsReport = SupervisionPeriod & { generatedAt: string; delegations: DelegationStats[] };

/** 代表团 figures for one period: each delegation's suggestions (件) and how they are handled. */
export class GetDelegationStatsQuery extends Query<DelegationStatsReport> {
  constructor(
    readonly period: SupervisionPeriod,
    readonly after?: string,
  ) {
    super();
  }
}

@QueryHandler(GetDelegationStatsQuery)
export class GetDelegationStatsHandler implements IQueryHandler<GetDelegationStatsQuery, DelegationStatsReport> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
    private readonly readAfter: ReadAfterService,
  ) {}

  async execute({ period, after }: GetDelegationStatsQuery): Promise<DelegationStatsReport> {
    await this.readAfter.waitFor(after);
    const now = this.clock.nowIso();
    return { ...period, generatedAt: now, delegations: this.queries.delegationStats({ ...scopeOf(period), now }) };
  }
}
