import { Module } from '@nestjs/common';
import { CommitmentsController } from './commitments/commitments.controller';
import { DeputiesController } from './deputies/deputies.controller';
import { KeySupervisionController } from './key/key-supervision.controller';
import { StatsController } from './stats/stats.controller';
import { UnitStatsReports } from './stats/unit-stats-report';

/** Statistics, key supervision, the commitments ledger and deputies' archives (大督办). */
@Module({
  controllers: [StatsController, KeySupervisionController, CommitmentsController, DeputiesController],
  providers: [UnitStatsReports],
  exports: [UnitStatsReports],
})
export class SupervisionModule {}
