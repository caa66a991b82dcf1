import { Body, Controller, Get, HttpCode, Inject, Logger, Optional, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, ClockDoc } from '../http/openapi';
import { Roles } from '../auth/roles.decorator';
import { AttachmentSweeper } from '../attachments/attachment-sweeper';
import { DeadlineScheduler } from '../scheduler/deadline-scheduler';
import { Clock, ManualClock } from './clock';
import { SetClockDto } from './set-clock.dto';

/**
 * Only mounted with CLOCK=manual (never in production), so tests and demos can cross deadlines.
 * With the system clock the route does not exist at all.
 */
@ApiTags('test-clock')
@ApiBearerAuth()
@Controller('test-clock')
export class TestClockController {
  private readonly logger = new Logger('clock');

  constructor(
    @Inject(Clock) private readonly clock: Clock,
    // Moving the clock runs the deadline scheduler at once, so a test crosses a deadline deterministically.
    @Optional() private readonly scheduler?: DeadlineScheduler,
    // …and the sweep of unused uploads, so a test crosses their grace period the same way.
    @Optional() private readonly attachmentSweeper?: AttachmentSweeper,
  ) {}

  @Get()
  @ApiOperation({ summary: '读取测试时钟' })
  @ApiOk(ClockDoc)
  get() {
    return { now: this.clock.nowIso(), mode: this.clock.mode };
  }

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '设置测试时钟（仅管理员，仅 CLOCK=manual）' })
  @ApiOk(ClockDoc)
  @ApiErrors(403)
  async set(@Body() dto: SetClockDto) {
    if (!(this.clock instanceof ManualClock)) throw new Error('test clock mounted without a manual clock');
    this.clock.set(new Date(dto.now));
    this.logger.warn(`manual clock set to ${this.clock.nowIso()}`);
    // Answers once the reminders and misses the new time makes due are recorded and in the read model.
    await this.scheduler?.afterClockMoved();
    await this.attachmentSweeper?.sweep();
    return { now: this.clock.nowIso(), mode: this.clock.mode };
  }
}
