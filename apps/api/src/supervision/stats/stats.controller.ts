import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, DelegationStatsReportDoc, OverviewDoc, UnitStatsReportDoc } from '../../http/openapi';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { PeriodQueryDto } from '../period/period.query.dto';
import { GetDelegationStatsQuery } from '../queries/delegation-stats.query';
import { GetOverviewQuery } from '../queries/overview.query';
import { GetUnitStatsJsonQuery } from '../queries/unit-stats.query';

/**
 * The figures supervision lives on, for one period (届次, 年度 or dates); every rate comes with its
 * numerator and denominator. Routes only turn HTTP into typed queries on the QueryBus.
 */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('units')
  @Roles('staff', 'supervisor', 'admin', 'unit')
  @ApiOperation({
    summary:
      '各承办单位办理情况统计（单位次；承办单位只看本单位）：交办、答复、按期答复率、当前超期、联系率、满意率、答复类别、承诺落实、重新办理。期间：sessionId、year 或 from/to（按交办时间）',
  })
  @ApiOk(UnitStatsReportDoc)
  @ApiErrors(400, 403)
  async units(@Query() query: PeriodQueryDto, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    // Written from the buffer kept per counted answer (UnitStatsReports.jsonParts), not re-serialised per request.
    const parts = await this.queryBus.execute(new GetUnitStatsJsonQuery(user, query.period(), query.after));
    res.status(200);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', parts.reduce((n, part) => n + part.length, 0));
    // No copy into one buffer: the parts go to the socket as they are.
    for (const part of parts.slice(0, -1)) res.write(part);
    res.end(parts[parts.length - 1]);
  }

  @Get('overview')
  @Roles('staff', 'supervisor', 'admin')
  @ApiOperation({
    summary: '全辖区汇总（同一期间）：建议各状态件数、已交办建议件数，及全部单位合计指标（单位次）。期间：sessionId、year 或 from/to',
  })
  @ApiOk(OverviewDoc)
  @ApiErrors(400, 403)
  overview(@Query() query: PeriodQueryDto) {
    return this.queryBus.execute(new GetOverviewQuery(query.period(), query.after));
  }

  @Get('delegations')
  @Roles('staff', 'supervisor', 'admin')
  @ApiOperation({
    summary:
      '各代表团建议办理情况（件）：代表团自身提出及其代表领衔的建议，已交办、已答复、当前逾期，评价满意率（次）。期间：sessionId、year 或 from/to（按提交时间）',
  })
  @ApiOk(DelegationStatsReportDoc)
  @ApiErrors(400, 403)
  delegations(@Query() query: PeriodQueryDto) {
    return this.queryBus.execute(new GetDelegationStatsQuery(query.period(), query.after));
  }
}
