import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, DeputyArchiveDoc, DeputyCommitmentReportDoc } from '../../http/openapi';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { AfterQueryDto } from '../../read-consistency/after-query.dto';
import { GetDeputyArchiveQuery, GetDeputyCommitmentReportQuery } from '../queries/deputy-archive.query';
import { DeputyCommitmentsQueryDto } from './deputy-commitments.query.dto';

/** 履职档案 and the yearly follow-up of a deputy's commitments: the deputy themselves, staff, supervisors, admins. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('deputies')
export class DeputiesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/archive')
  @ApiOperation({ summary: '代表履职档案：领衔与附议的建议及办理结果' })
  @ApiOk(DeputyArchiveDoc)
  @ApiErrors(403, 404)
  archive(@Param('id') id: string, @Query() query: AfterQueryDto, @CurrentUser() user: AuthUser) {
    return this.queryBus.execute(new GetDeputyArchiveQuery(id, user, query.after));
  }

  @Get(':id/commitments')
  @ApiOperation({ summary: '代表建议承诺事项年度跟踪报告' })
  @ApiOk(DeputyCommitmentReportDoc)
  @ApiErrors(403, 404)
  commitments(@Param('id') id: string, @Query() query: DeputyCommitmentsQueryDto, @CurrentUser() user: AuthUser) {
    return this.queryBus.execute(new GetDeputyCommitmentReportQuery(id, query.year, user, query.after));
  }
}
