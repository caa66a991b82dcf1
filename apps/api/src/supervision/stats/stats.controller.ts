import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, OverviewDoc, UnitStatsReportDoc } from '../../http/openapi';
import type { ReadModelQueries } from '@duban/read-models';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { Clock } from '../../clock/clock';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { AfterQueryDto } from '../../read-consistency/after-query.dto';
import { ReadAfterService } from '../../read-consistency/read-after.service';
import { StatsQueryDto } from './stats.query.dto';
import { UnitStatsReports } from './unit-stats-report';

/** The figures supervision lives on; every rate comes with its numerator and denominator. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(
    private readonly reports: UnitStatsReports,
    private readonly readAfter: ReadAfterService,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get('units')
  @Roles('staff', 'supervisor', 'admin', 'unit')
  @ApiOperation({ summary: '各承办单位办理情况统计（承办单位只看本单位）：交办、答复、按期答复率、当前超期、联系率、满意率、答复类别、承诺落实、重新办理' })
  @ApiOk(UnitStatsReportDoc)
  @ApiErrors(403)
  async units(@Query() query: StatsQueryDto, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const period = query.period();
    await this.readAfter.waitFor(query.after);
    // Written from the buffer kept per counted answer (UnitStatsReports.jsonParts), not re-serialised per request.
    const parts = this.reports.jsonParts(user, period);
    res.status(200);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', parts.reduce((n, part) => n + part.length, 0));
    // No copy into one buffer: the parts go to the socket as they are.
    for (const part of parts.slice(0, -1)) res.write(part);
    res.end(parts[parts.length - 1]);
  }

  @Get('overview')
  @Roles('staff', 'supervisor', 'admin')
  @ApiOperation({ summary: '全辖区汇总：各状态件数与全部单位的合计指标' })
  @ApiOk(OverviewDoc)
  @ApiErrors(403)
  async overview(@Query() query: AfterQueryDto) {
    await this.readAfter.waitFor(query.after);
    const now = this.clock.nowIso();
    return { generatedAt: now, ...this.queries.overview(now) };
  }
}
