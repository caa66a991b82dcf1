import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, CommitmentLedgerDoc } from '../../http/openapi';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { ListCommitmentsQuery } from '../queries/commitments.query';
import { CommitmentsQueryDto } from './commitments.query.dto';

/** 承诺事项台账: every commitment of a B or C answer, followed until fulfilled. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('commitments')
export class CommitmentsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles('staff', 'supervisor', 'admin', 'unit')
  @ApiOperation({ summary: '承诺事项台账（承办单位只看本单位）。期间：sessionId、year 或 from/to（按承诺所属交办的交办时间）' })
  @ApiOk(CommitmentLedgerDoc)
  @ApiErrors(400, 403)
  list(@Query() query: CommitmentsQueryDto, @CurrentUser() user: AuthUser) {
    const { status, unitId, page, pageSize } = query;
    return this.queryBus.execute(new ListCommitmentsQuery({ status, unitId, page, pageSize }, query.period(), user, query.after));
  }
}
