import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { CommitmentLedger, CommitmentStatus, ReadModelQueries } from '@duban/read-models';
import type { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../clock/clock';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { ReadAfterService } from '../../read-consistency/read-after.service';
import { scopeOf, type SupervisionPeriod } from '../period/period';
import { unitScope } from '../supervision-scope';

export interface CommitmentsFilter {
  status?: CommitmentStatus;
  unitId?: string;
  /** Without a page, the whole ledger (what an export or a yearly review wants). */
  page?: number;
  pageSize?: number;
}

/** 承诺事项台账 as the viewer may read it: a unit account its own unit's only (another's is 403). */
export class ListCommitmentsQuery extends Query<CommitmentLedger> {
  constructor(
    readonly filter: CommitmentsFilter,
    readonly period: SupervisionPeriod,
    readonly viewer: AuthUser,
    readonly after?: string,
  ) {
    super();
  }
}

@QueryHandler(ListCommitmentsQuery)
export class ListCommitmentsHandler implements IQueryHandler<ListCommitmentsQuery, CommitmentLedger> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
    private readonly readAfter: ReadAfterService,
  ) {}

  async execute({ filter, period, viewer, after }: ListCommitmentsQuery): Promise<CommitmentLedger> {
    const unitId = unitScope(viewer, filter.unitId);
    await this.readAfter.waitFor(after);
    return this.queries.commitments({
      ...scopeOf(period),
      ...(filter.status !== undefined ? { status: filter.status } : {}),
      ...(unitId !== undefined ? { unitId } : {}),
      ...(filter.page !== undefined || filter.pageSize !== undefined ? { page: filter.page ?? 1, pageSize: filter.pageSize ?? 50 } : {}),
      now: this.clock.nowIso(),
    });
  }
}
