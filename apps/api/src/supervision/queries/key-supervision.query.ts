import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { KeySupervisionReport, ReadModelQueries } from '@duban/read-models';
import { Clock } from '../../clock/clock';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { ReadAfterService } from '../../read-consistency/read-after.service';
import { scopeOf, type SupervisionPeriod } from '../period/period';

/** 重点督办: every key suggestion of the period (its suggestions') with its progress and people, and the coverage. */
export class GetKeySupervisionQuery extends Query<KeySupervisionReport> {
  constructor(
    readonly period: SupervisionPeriod,
    readonly after?: string,
  ) {
    super();
  }
}

@QueryHandler(GetKeySupervisionQuery)
export class GetKeySupervisionHandler implements IQueryHandler<GetKeySupervisionQuery, KeySupervisionReport> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
    private readonly readAfter: ReadAfterService,
  ) {}

  async execute({ period, after }: GetKeySupervisionQuery): Promise<KeySupervisionReport> {
    await this.readAfter.waitFor(after);
    return this.queries.keySupervision(this.clock.nowIso(), undefined, scopeOf(period));
  }
}
