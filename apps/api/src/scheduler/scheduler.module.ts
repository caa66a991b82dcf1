import { Module } from '@nestjs/common';
import { DeadlineScheduler } from './deadline-scheduler';

/** The deadline scheduler; exported so the test clock can run it right after moving the time. */
@Module({
  providers: [DeadlineScheduler],
  exports: [DeadlineScheduler],
})
export class SchedulerModule {}
