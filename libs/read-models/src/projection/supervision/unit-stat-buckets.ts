import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../../schema/open-read-model';
import { addInto, emptyStats, isZero, STAT_COLUMNS, type StatVector } from './stat-vector';

/** The bucket kinds every contribution is added to, coarsest first, and the key each uses of a day. */
export const BUCKET_KINDS = [
  { kind: 'a', key: (_day: string) => '' },
  { kind: 'y', key: (day: string) => day.slice(0, 4) },
  { kind: 'm', key: (day: string) => day.slice(0, 7) },
  { kind: 'd', key: (day: string) => day },
] as const;

/**
 * Gathers differences of the statistics per unit and assignment day, then adds them to the
 * overall, year, month and day buckets in one pass. A rebuild gathers everything in memory and
 * writes each bucket once at the end; the live projector writes once per batch.
 */
export class UnitStatBuckets {
  private pending = new Map<string, StatVector>();
  private readonly addStmt: Statement;
  private readonly dropEmptyStmt: Statement;

  constructor(db: ReadModelDatabase) {
    this.addStmt = db.prepare(`
      INSERT INTO unit_stat_buckets (kind, bucket, unit_id, ${STAT_COLUMNS.join(', ')})
      VALUES (?, ?, ?, ${STAT_COLUMNS.map(() => '?').join(', ')})
      ON CONFLICT (kind, bucket, unit_id) DO UPDATE SET ${STAT_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`);
    // A bucket whose every figure went back to zero (its only assignment ended by a return) is
    // removed, so the tables hold the same rows whether the events were applied in one run or many.
    this.dropEmptyStmt = db.prepare(
      `DELETE FROM unit_stat_buckets WHERE kind = ? AND bucket = ? AND unit_id = ? AND ${STAT_COLUMNS.map((c) => `${c} = 0`).join(' AND ')}`,
    );
  }

  /** Keys are `<unitId>\0<YYYY-MM-DD>`. */
  addDifference(before: Map<string, StatVector>, after: Map<string, StatVector>): void {
    for (const [key, vector] of after) {
      const previous = before.get(key);
      if (previous) {
        const delta = [...vector];
        addInto(delta, previous, -1);
        if (!isZero(delta)) this.add(key, delta);
      } else this.add(key, vector);
    }
    for (const [key, vector] of before) {
      if (after.has(key)) continue;
      const delta = emptyStats();
      addInto(delta, vector, -1);
      this.add(key, delta);
    }
  }

  flush(): void {
    if (this.pending.size === 0) return;
    const rows = new Map<string, { kind: string; bucket: string; unitId: string; stats: StatVector }>();
    for (const [key, delta] of this.pending) {
      if (isZero(delta)) continue;
      const [unitId, day] = key.split('\u0000') as [string, string];
      for (const { kind, key: bucketOf } of BUCKET_KINDS) {
        const bucket = bucketOf(day);
        const rowKey = `${kind}\u0000${bucket}\u0000${unitId}`;
        let row = rows.get(rowKey);
        if (!row) rows.set(rowKey, (row = { kind, bucket, unitId, stats: emptyStats() }));
        addInto(row.stats, delta);
      }
    }
    for (const row of rows.values()) {
      if (isZero(row.stats)) continue;
      this.addStmt.run(row.kind, row.bucket, row.unitId, ...row.stats);
      if (row.stats.some((value) => value < 0)) this.dropEmptyStmt.run(row.kind, row.bucket, row.unitId);
    }
    this.pending = new Map();
  }

  discardPending(): void {
    this.pending = new Map();
  }

  private add(key: string, delta: readonly number[]): void {
    let sum = this.pending.get(key);
    if (!sum) this.pending.set(key, (sum = emptyStats()));
    addInto(sum, delta);
  }
}
