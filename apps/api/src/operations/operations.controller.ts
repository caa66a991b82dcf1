import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, ParkedRetryReportDoc, ParkedStreamsDoc } from '../http/openapi';
import type { ParkedRetryReport, ParkedStream, Projector } from '@duban/read-models';
import { Roles } from '../auth/roles.decorator';
import { PROJECTOR } from '../infrastructure/tokens';

/** Parked streams listed at most; `total` says how many there are. */
export const PARKED_LIST_LIMIT = 500;

/**
 * The read side's held-back streams: events the projection could not apply (and every later one
 * of their streams), so operators see which suggestions' lists and figures are stale, and why.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('operations')
export class OperationsController {
  constructor(@Inject(PROJECTOR) private readonly projector: Projector) {}

  @Get('parked')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: '读模型暂缓处理的事件流：无法投影的事件及其原因（工作人员、管理员）' })
  @ApiOk(ParkedStreamsDoc)
  @ApiErrors(403)
  parked(): { total: number; items: ParkedStream[] } {
    return { total: this.projector.status().parkedCount, items: this.projector.parkedStreams(PARKED_LIST_LIMIT) };
  }

  @Post('parked/retry')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '重新投影暂缓处理的事件流（修复后）：能应用的即解除暂缓（管理员）' })
  @ApiOk(ParkedRetryReportDoc)
  @ApiErrors(403)
  retry(): Promise<ParkedRetryReport> {
    return this.projector.retryParked();
  }
}
