import { Module } from '@nestjs/common';
import { CommitmentsController } from './commitments/commitments.controller';
import { DeputiesController } from './deputies/deputies.controller';
import { KeySupervisionController } from './key/key-supervision.controller';
import { SUPERVISION_QUERY_HANDLERS } from './queries/supervision-query-handlers';
import { StatsController } from './stats/stats.controller';
import { UnitStatsReports } from './stats/unit-stats-report';

/**
 * Statistics, key supervision, the commitments ledger and deputies' archives (大督办). The routes
 * send typed queries on the QueryBus (global, CqrsModule.forRoot), whose handlers are provided here.
 */
@Module({
  controllers: [StatsController, KeySupervisionController, CommitmentsController, DeputiesController],
  providers: [UnitStatsReports, ...SUPERVISION_QUERY_HANDLERS],
  exports: [UnitStatsReports],
})
export class SupervisionModule {}
