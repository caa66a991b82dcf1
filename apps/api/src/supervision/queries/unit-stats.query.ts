import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../auth/auth-user';
import { ReadAfterService } from '../../read-consistency/read-after.service';
import type { SupervisionPeriod } from '../period/period';
import { UnitStatsReport, UnitStatsReports } from '../stats/unit-stats-report';

/** Every unit's figures for the period (a unit account: its own only), as an object: the spreadsheet's rows. */
export class GetUnitStatsQuery extends Query<UnitStatsReport> {
  constructor(
    readonly viewer: AuthUser,
    readonly period: SupervisionPeriod,
    readonly after?: string,
  ) {
    super();
  }
}

/** The same report as UTF-8 JSON in parts to write one after the other (the statistics page, read over and over). */
export class GetUnitStatsJsonQuery extends Query<Buffer[]> {
  constructor(
    readonly viewer: AuthUser,
    readonly period: SupervisionPeriod,
    readonly after?: string,
  ) {
    super();
  }
}

@QueryHandler(GetUnitStatsQuery)
export class GetUnitStatsHandler implements IQueryHandler<GetUnitStatsQuery, UnitStatsReport> {
  constructor(
    private readonly reports: UnitStatsReports,
    private readonly readAfter: ReadAfterService,
  ) {}

  async execute({ viewer, period, after }: GetUnitStatsQuery): Promise<UnitStatsReport> {
    await this.readAfter.waitFor(after);
    return this.reports.build(viewer, period);
  }
}

@QueryHandler(GetUnitStatsJsonQuery)
export class GetUnitStatsJsonHandler implements IQueryHandler<GetUnitStatsJsonQuery, Buffer[]> {
  constructor(
    private readonly reports: UnitStatsReports,
    private readonly readAfter: ReadAfterService,
  ) {}

  async execute({ viewer, period, after }: GetUnitStatsJsonQuery): Promise<Buffer[]> {
    await this.readAfter.waitFor(after);
    return this.reports.jsonParts(viewer, period);
  }
}
