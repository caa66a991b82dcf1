import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommandsModule } from '../commands/commands.module';
import { CalendarController } from './calendar.controller';
import { CalendarNoticesBoot } from './calendar-notices.boot';
import { DeadlineRecomputeService } from './deadline-recompute.service';

/** The working calendar's notices (admin upload) and the recompute of provisional deadlines. */
@Module({
  imports: [CommandsModule, AuthModule],
  controllers: [CalendarController],
  providers: [DeadlineRecomputeService, CalendarNoticesBoot],
})
export class CalendarModule {}
