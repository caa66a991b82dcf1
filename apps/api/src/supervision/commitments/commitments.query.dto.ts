import { EnumField, IdField, IntQueryField } from '../../http/validation/fields';
import { PeriodQueryDto } from '../period/period.query.dto';

export const COMMITMENT_STATUSES = ['open', 'overdue', 'fulfilled'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** `GET /api/commitments?status=&unitId=` (承诺事项台账), for a period as every supervision figure. */
export class CommitmentsQueryDto extends PeriodQueryDto {
  @EnumField('承诺事项状态', COMMITMENT_STATUSES, { optional: true, description: 'open 未落实（含逾期）/ overdue 逾期未落实 / fulfilled 已落实' })
  status?: CommitmentStatus;

  @IdField('承办单位', { optional: true })
  unitId?: string;

  /** Without a page, the whole ledger (what an export or a yearly review wants). */
  @IntQueryField('页码', 1, 100000)
  page?: number;

  @IntQueryField('每页条数', 1, 200)
  pageSize?: number;
}
