import { Inject, NotFoundException } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { toShanghaiDate } from '@duban/domain';
import type { DeputyArchive, DeputyCommitmentReport, ReadModelQueries } from '@duban/read-models';
import type { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../clock/clock';
import { USER_ID_PATTERN } from '../../http/validation/fields';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { ReadAfterService } from '../../read-consistency/read-after.service';
import { requireDeputyAccess } from '../supervision-scope';

/** 履职档案: a deputy's suggestions and how they went (the deputy themselves, or oversight roles). */
export class GetDeputyArchiveQuery extends Query<DeputyArchive> {
  constructor(
    readonly deputyId: string,
    readonly viewer: AuthUser,
    readonly after?: string,
  ) {
    super();
  }
}

/** The yearly follow-up of the commitments made on a deputy's suggestions (default: this year, Beijing time). */
export class GetDeputyCommitmentReportQuery extends Query<DeputyCommitmentReport> {
  constructor(
    readonly deputyId: string,
    readonly year: number | undefined,
    readonly viewer: AuthUser,
    readonly after?: string,
  ) {
    super();
  }
}

abstract class DeputyQueryHandler {
  constructor(
    @Inject(READ_MODEL_QUERIES) protected readonly queries: ReadModelQueries,
    @Inject(Clock) protected readonly clock: Clock,
    protected readonly readAfter: ReadAfterService,
  ) {}

  /** 403 before 404: whether someone is a deputy is not told to whom may not read their archive. */
  protected async admit(deputyId: string, viewer: AuthUser, after: string | undefined): Promise<void> {
    requireDeputyAccess(viewer, deputyId);
    const user = USER_ID_PATTERN.test(deputyId) ? this.queries.getUser(deputyId) : null;
    if (!user || user.role !== 'deputy') throw new NotFoundException('代表不存在');
    await this.readAfter.waitFor(after);
  }
}

@QueryHandler(GetDeputyArchiveQuery)
export class GetDeputyArchiveHandler extends DeputyQueryHandler implements IQueryHandler<GetDeputyArchiveQuery, DeputyArchive> {
  async execute({ deputyId, viewer, after }: GetDeputyArchiveQuery): Promise<DeputyArchive> {
    await this.admit(deputyId, viewer, after);
    return this.queries.deputyArchive(deputyId, this.clock.nowIso());
  }
}

@QueryHandler(GetDeputyCommitmentReportQuery)
export class GetDeputyCommitmentReportHandler
  extends DeputyQueryHandler
  implements IQueryHandler<GetDeputyCommitmentReportQuery, DeputyCommitmentReport>
{
  async execute({ deputyId, year, viewer, after }: GetDeputyCommitmentReportQuery): Promise<DeputyCommitmentReport> {
    await this.admit(deputyId, viewer, after);
    const now = this.clock.nowIso();
    return this.queries.deputyCommitmentReport(deputyId, year ?? Number(toShanghaiDate(now).slice(0, 4)), now);
  }
}
