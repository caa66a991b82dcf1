import { Module } from '@nestjs/common';
import { SupervisionModule } from '../supervision/supervision.module';
import { ExportController } from './export.controller';
import { ExportSlots } from './export-slots';

/** Excel exports of the statistics and of the suggestion list. */
@Module({
  imports: [SupervisionModule],
  controllers: [ExportController],
  providers: [ExportSlots],
})
export class ExportModule {}
