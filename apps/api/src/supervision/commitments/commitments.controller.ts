import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, CommitmentLedgerDoc } from '../../http/openapi';
import type { ReadModelQueries } from '@duban/read-models';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { Clock } from '../../clock/clock';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { ReadAfterService } from '../../read-consistency/read-after.service';
import { unitScope } from '../supervision-scope';
import { CommitmentsQueryDto } from './commitments.query.dto';

/** 承诺事项台账: every commitment of a B or C answer, followed until fulfilled. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('commitments')
export class CommitmentsController {
  constructor(
    private readonly readAfter: ReadAfterService,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('staff', 'supervisor', 'admin', 'unit')
  @ApiOperation({ summary: '承诺事项台账（承办单位只看本单位）' })
  @ApiOk(CommitmentLedgerDoc)
  @ApiErrors(403)
  async list(@Query() query: CommitmentsQueryDto, @CurrentUser() user: AuthUser) {
    const unitId = unitScope(user, query.unitId);
    await this.readAfter.waitFor(query.after);
    return this.queries.commitments({
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(unitId !== undefined ? { unitId } : {}),
      ...(query.page !== undefined || query.pageSize !== undefined ? { page: query.page ?? 1, pageSize: query.pageSize ?? 50 } : {}),
      now: this.clock.nowIso(),
    });
  }
}
