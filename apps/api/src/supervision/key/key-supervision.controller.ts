import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, KeySupervisionReportDoc } from '../../http/openapi';
import { Roles } from '../../auth/roles.decorator';
import { PeriodQueryDto } from '../period/period.query.dto';
import { GetKeySupervisionQuery } from '../queries/key-supervision.query';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class KeySupervisionController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('key')
  @Roles('staff', 'supervisor', 'admin')
  @ApiOperation({ summary: '重点督办建议：进度、督办人、领办领导，及“两个全覆盖”覆盖率。期间：sessionId、year 或 from/to（按建议提交时间）' })
  @ApiOk(KeySupervisionReportDoc)
  @ApiErrors(400, 403)
  key(@Query() query: PeriodQueryDto) {
    return this.queryBus.execute(new GetKeySupervisionQuery(query.period(), query.after));
  }
}
