import { ListCommitmentsHandler } from './commitments.query';
import { GetDelegationStatsHandler } from './delegation-stats.query';
import { GetDeputyArchiveHandler, GetDeputyCommitmentReportHandler } from './deputy-archive.query';
import { GetKeySupervisionHandler } from './key-supervision.query';
import { GetOverviewHandler } from './overview.query';
import { GetUnitStatsHandler, GetUnitStatsJsonHandler } from './unit-stats.query';

/** Every handler of a supervision query, for the module's providers (Nest finds them by their decorator). */
export const SUPERVISION_QUERY_HANDLERS = [
  GetUnitStatsHandler,
  GetUnitStatsJsonHandler,
  GetOverviewHandler,
  GetDelegationStatsHandler,
  GetKeySupervisionHandler,
  ListCommitmentsHandler,
  GetDeputyArchiveHandler,
  GetDeputyCommitmentReportHandler,
];
