import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, KeySupervisionReportDoc } from '../../http/openapi';
import type { ReadModelQueries } from '@duban/read-models';
import { Roles } from '../../auth/roles.decorator';
import { Clock } from '../../clock/clock';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { AfterQueryDto } from '../../read-consistency/after-query.dto';
import { ReadAfterService } from '../../read-consistency/read-after.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class KeySupervisionController {
  constructor(
    private readonly readAfter: ReadAfterService,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get('key')
  @Roles('staff', 'supervisor', 'admin')
  @ApiOperation({ summary: '重点督办建议：进度、督办人、领办领导，及“两个全覆盖”覆盖率' })
  @ApiOk(KeySupervisionReportDoc)
  @ApiErrors(403)
  async key(@Query() query: AfterQueryDto) {
    await this.readAfter.waitFor(query.after);
    return this.queries.keySupervision(this.clock.nowIso());
  }
}
