import type Database from 'better-sqlite3';
import type { AuditKey } from '../audit/audit-key';
import type { AppendResult } from '../port/event-store.port';
import { AppendInterruptedError, appendOne, type AppendRequest } from './append-one';
import type { BatchOutcome } from './group-commit';
import type { SqliteStatements } from './sqlite-statements';
import type { StreamTips } from './stream-tips';

/**
 * Runs a group-commit batch in ONE immediate transaction (the write lock up front, so a busy file
 * fails at BEGIN, retryable, never midway) and reports an outcome per append.
 *
 * Fast path, no savepoint per append and no event-id lookups: appendOne makes every check before
 * its first insert, so a refused append has written nothing and the others commit. Only an insert
 * that fails after the checks (an I/O or database error, or an event id clashing past an append's
 * first event) could leave part of an append behind: then the whole transaction rolls back and the
 * batch runs again with a savepoint around each append and every check made first, so that append
 * fails alone and the others still commit. SAVEPOINT/RELEASE cost ~20 % of the SQL time of a
 * one-event append, paid now only on that rare path.
 */
export function batchRunner(
  db: Database.Database,
  statements: SqliteStatements,
  tips: StreamTips,
  auditKey: AuditKey | null = null,
): (batch: AppendRequest[]) => BatchOutcome<AppendResult>[] {
  const fast = db.transaction((batch: AppendRequest[]) => {
    tips.beginBatch();
    return batch.map((request): BatchOutcome<AppendResult> => {
      try {
        return { ok: true, value: appendOne(statements, tips, request, 'fast', auditKey) };
      } catch (error) {
        if (error instanceof AppendInterruptedError) throw error; // rolls back the whole batch
        return { ok: false, error };
      }
    });
  });
  // A transaction function called inside another runs under a SAVEPOINT.
  const appendUnderSavepoint = db.transaction((request: AppendRequest) => appendOne(statements, tips, request, 'checked', auditKey));
  const guarded = db.transaction((batch: AppendRequest[]) => {
    tips.beginBatch();
    return batch.map((request): BatchOutcome<AppendResult> => {
      try {
        return { ok: true, value: appendUnderSavepoint(request) };
      } catch (error) {
        // Some errors (disk full, I/O) make SQLite roll back the whole transaction: carrying on
        // would write the next appends outside it. Fail the batch as a whole instead.
        if (!db.inTransaction) throw error instanceof AppendInterruptedError ? error.cause : error;
        return { ok: false, error: error instanceof AppendInterruptedError ? error.cause : error };
      }
    });
  });
  const run = (batch: AppendRequest[]): BatchOutcome<AppendResult>[] => {
    try {
      return fast.immediate(batch);
    } catch (error) {
      if (!(error instanceof AppendInterruptedError)) throw error;
      // Whatever the rolled-back batch linked is not in the file; read the tips afresh.
      tips.forget();
      return guarded.immediate(batch);
    }
  };
  return (batch) => {
    try {
      const outcomes = run(batch);
      tips.commitBatch();
      return outcomes;
    } catch (error) {
      tips.forget();
      throw error;
    }
  };
}
