import type { Actor } from '@duban/domain';
import type { RunOptions } from '../commands/command-outcome';
import type { ImportProgress } from './import-jobs';

/** What every sheet import is given: the uploaded workbook, its session, who uploads it and the job to report to. */
export interface SheetImportRequest {
  buffer: Buffer;
  sessionId: string;
  dryRun: boolean;
  actor: Actor;
  options: Pick<RunOptions, 'correlationId' | 'causationId'>;
  progress: ImportProgress;
}
