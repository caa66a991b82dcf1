import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { Clock } from '../clock/clock';
import { ApiErrors, ApiOk } from '../http/openapi';
import { WORKING_CALENDAR } from '../infrastructure/tokens';
import { CommandContext, CommandCtx } from '../suggestions/http/command-context.decorator';
import { CALENDAR_NOTICES_ID, RunCalendarCommand } from './calendar-stream';
import { CalendarNoticeDto, checkNotice } from './calendar-notice.dto';
import { CalendarStatusDoc, CalendarUploadResultDoc } from './calendar-views.doc';
import { DeadlineRecomputeService } from './deadline-recompute.service';
import type { LiveWorkingCalendar } from './live-working-calendar';

/**
 * The working calendar's years and the admin's upload of the State Council's holiday notice. The
 * notice is recorded (stream calendar-notices), applied to the running calendar, and every deadline
 * that was computed on those years' provisional holidays is recomputed through DeadlinesRecomputed.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(
    @Inject(WORKING_CALENDAR) private readonly calendar: LiveWorkingCalendar,
    private readonly commandBus: CommandBus,
    private readonly recompute: DeadlineRecomputeService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('staff', 'admin')
  @ApiOperation({ summary: '工作日历：去年到后年各年的来源，哪些年份仍为暂定（工作人员、管理员）' })
  @ApiOk(CalendarStatusDoc)
  @ApiErrors(403)
  status(): CalendarStatusDoc {
    const thisYear = Number(this.clock.nowIso().slice(0, 4));
    const overrides = this.calendar.overrides().years;
    const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((year) => {
      const notice = overrides[String(year)];
      return {
        year,
        source: this.calendar.sourceOf(year),
        provisional: !this.calendar.knowsYear(year),
        holidayCount: notice?.holidays.length ?? 0,
        workdayCount: notice?.workdays.length ?? 0,
      };
    });
    return { years };
  }

  @Post('overrides')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      '载入国务院放假通知（管理员）：格式同日历覆盖文件；记录后立即生效，并重算按暂定日历计算的未到期期限（每件建议记录“按正式放假通知重算期限”事件）',
  })
  @ApiOk(CalendarUploadResultDoc)
  @ApiErrors(403, 409)
  async upload(@Body() dto: CalendarNoticeDto, @CommandCtx() ctx: CommandContext): Promise<CalendarUploadResultDoc> {
    const checked = checkNotice(dto);
    if ('errors' in checked) throw new BadRequestException({ statusCode: 400, code: 'validation_failed', message: '请求参数有误', errors: checked.errors });
    const loaded = Object.keys(checked.overrides.years).map(Number).sort((a, b) => a - b);
    // Recorded first: a notice applied but not recorded would be lost at the next start.
    const cause = { correlationId: ctx.options.correlationId, causationId: ctx.options.causationId };
    await this.commandBus.execute(new RunCalendarCommand(CALENDAR_NOTICES_ID, { type: 'LoadCalendarNotice', data: checked.overrides }, ctx.actor, cause));
    const nowOfficial = this.calendar.apply(checked.overrides);
    const reason = `管理员载入${loaded.join('、')}年国务院放假通知，按正式安排重算暂定期限`;
    const report = await this.recompute.recompute(nowOfficial, reason, ctx.actor, cause);
    return { loaded, nowOfficial, checked: report.checked, changed: report.changed, deadlinesMoved: report.deadlinesMoved, failed: report.failed };
  }
}
