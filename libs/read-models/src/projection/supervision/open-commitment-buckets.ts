import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../../schema/open-read-model';
import { BUCKET_KINDS } from './unit-stat-buckets';

/**
 * Unfulfilled commitments per unit, assignment bucket (overall, year, month, day) and due month,
 * so "overdue at now" for any period is a sum over the due months before now's month, plus the
 * rows due earlier in now's own month. Counts go down when commitments are fulfilled; a count
 * that reaches zero disappears, so the live model and a rebuilt one hold the same rows.
 */
export class OpenCommitmentBuckets {
  private pending = new Map<string, number>();
  private readonly addStmt: Statement;
  private readonly dropZeroStmt: Statement;

  constructor(db: ReadModelDatabase) {
    this.addStmt = db.prepare(`
      INSERT INTO open_commitment_buckets (kind, bucket, unit_id, due_month, n) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (kind, bucket, unit_id, due_month) DO UPDATE SET n = n + excluded.n`);
    this.dropZeroStmt = db.prepare(
      `DELETE FROM open_commitment_buckets WHERE kind = ? AND bucket = ? AND unit_id = ? AND due_month = ? AND n = 0`,
    );
  }

  /** Keys are `<unitId>\0<assignment day>\0<due month>`. */
  addDifference(before: Map<string, number>, after: Map<string, number>): void {
    for (const [key, n] of after) this.add(key, n - (before.get(key) ?? 0));
    for (const [key, n] of before) if (!after.has(key)) this.add(key, -n);
  }

  flush(): void {
    const rows = new Map<string, number>();
    for (const [key, delta] of this.pending) {
      if (delta === 0) continue;
      const [unitId, day, dueMonth] = key.split('\u0000') as [string, string, string];
      for (const { kind, key: bucketOf } of BUCKET_KINDS) {
        const rowKey = `${kind}\u0000${bucketOf(day)}\u0000${unitId}\u0000${dueMonth}`;
        rows.set(rowKey, (rows.get(rowKey) ?? 0) + delta);
      }
    }
    for (const [rowKey, delta] of rows) {
      if (delta === 0) continue;
      const [kind, bucket, unitId, dueMonth] = rowKey.split('\u0000') as [string, string, string, string];
      this.addStmt.run(kind, bucket, unitId, dueMonth, delta);
      if (delta < 0) this.dropZeroStmt.run(kind, bucket, unitId, dueMonth);
    }
    this.pending = new Map();
  }

  discardPending(): void {
    this.pending = new Map();
  }

  private add(key: string, delta: number): void {
    if (delta !== 0) this.pending.set(key, (this.pending.get(key) ?? 0) + delta);
  }
}
