import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, DeputyArchiveDoc, DeputyCommitmentReportDoc } from '../../http/openapi';
import { toShanghaiDate } from '@duban/domain';
import type { ReadModelQueries } from '@duban/read-models';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Clock } from '../../clock/clock';
import { USER_ID_PATTERN } from '../../http/validation/fields';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { AfterQueryDto } from '../../read-consistency/after-query.dto';
import { ReadAfterService } from '../../read-consistency/read-after.service';
import { requireDeputyAccess } from '../supervision-scope';
import { DeputyCommitmentsQueryDto } from './deputy-commitments.query.dto';

/** 履职档案 and the yearly follow-up of a deputy's commitments: the deputy themselves, staff, supervisors, admins. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('deputies')
export class DeputiesController {
  constructor(
    private readonly readAfter: ReadAfterService,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get(':id/archive')
  @ApiOperation({ summary: '代表履职档案：领衔与附议的建议及办理结果' })
  @ApiOk(DeputyArchiveDoc)
  @ApiErrors(403, 404)
  async archive(@Param('id') id: string, @Query() query: AfterQueryDto, @CurrentUser() user: AuthUser) {
    requireDeputyAccess(user, id);
    this.requireDeputy(id);
    await this.readAfter.waitFor(query.after);
    return this.queries.deputyArchive(id, this.clock.nowIso());
  }

  @Get(':id/commitments')
  @ApiOperation({ summary: '代表建议承诺事项年度跟踪报告' })
  @ApiOk(DeputyCommitmentReportDoc)
  @ApiErrors(403, 404)
  async commitments(@Param('id') id: string, @Query() query: DeputyCommitmentsQueryDto, @CurrentUser() user: AuthUser) {
    requireDeputyAccess(user, id);
    this.requireDeputy(id);
    await this.readAfter.waitFor(query.after);
    const now = this.clock.nowIso();
    const year = query.year ?? Number(toShanghaiDate(now).slice(0, 4));
    return this.queries.deputyCommitmentReport(id, year, now);
  }

  private requireDeputy(id: string): void {
    const user = USER_ID_PATTERN.test(id) ? this.queries.getUser(id) : null;
    if (!user || user.role !== 'deputy') throw new NotFoundException('代表不存在');
  }
}
