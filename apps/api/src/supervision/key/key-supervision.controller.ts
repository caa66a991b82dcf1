import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, KeySupervisionReportDoc } from '../../http/openapi';
import { Roles } from '../../auth/roles.decorator';
import { AfterQueryDto } from '../../read-consistency/after-query.dto';
import { GetKeySupervisionQuery } from '../queries/key-supervision.query';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class KeySupervisionController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('key')
  @Roles('staff', 'supervisor', 'admin')
  @ApiOperation({ summary: '重点督办建议：进度、督办人、领办领导，及“两个全覆盖”覆盖率' })
  @ApiOk(KeySupervisionReportDoc)
  @ApiErrors(403)
  key(@Query() query: AfterQueryDto) {
    return this.queryBus.execute(new GetKeySupervisionQuery(query.after));
  }
}
