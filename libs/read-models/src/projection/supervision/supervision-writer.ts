import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../../schema/open-read-model';
import { HANDLING_STAT_COLUMNS, STAT_COLUMNS, type StatVector } from './stat-vector';
import type { CommitmentFact, HandlingFact, KeyFact, SuggestionFacts } from './suggestion-facts';
import { OpenCommitmentBuckets } from './open-commitment-buckets';
import { UnitStatBuckets } from './unit-stat-buckets';

const NO_FACTS: SuggestionFacts = {
  handlings: [],
  commitments: [],
  key: null,
  wakeAt: null,
  published: null,
  contributions: new Map(),
  openCommitments: new Map(),
};

/**
 * Writes what changed between the facts of the state a suggestion's rows were last written with
 * and those of its new state: rows that differ, rows that went, and the statistics' differences
 * (added to the buckets at flush, once per batch however many suggestions changed).
 */
export class SupervisionWriter {
  private readonly buckets: UnitStatBuckets;
  private readonly openCommitments: OpenCommitmentBuckets;
  private readonly upsertHandlingStmt: Statement;
  private readonly deleteHandlingStmt: Statement;
  private readonly upsertCommitmentStmt: Statement;
  private readonly deleteCommitmentStmt: Statement;
  private readonly upsertKeyStmt: Statement;
  private readonly deleteKeyStmt: Statement;
  private readonly upsertWakeStmt: Statement;
  private readonly deleteWakeStmt: Statement;
  private readonly upsertPublishedStmt: Statement;
  private readonly deletePublishedStmt: Statement;

  constructor(db: ReadModelDatabase) {
    this.buckets = new UnitStatBuckets(db);
    this.openCommitments = new OpenCommitmentBuckets(db);
    const handlingColumns = ['suggestion_id', 'seq', 'unit_id', 'role', 'assigned_at', ...HANDLING_STAT_COLUMNS, 'open_due'];
    this.upsertHandlingStmt = db.prepare(`
      INSERT INTO unit_handlings (${handlingColumns.join(', ')}) VALUES (${handlingColumns.map(() => '?').join(', ')})
      ON CONFLICT (suggestion_id, seq, unit_id) DO UPDATE SET
        ${handlingColumns.slice(3).map((c) => `${c} = excluded.${c}`).join(', ')}`);
    this.deleteHandlingStmt = db.prepare(`DELETE FROM unit_handlings WHERE suggestion_id = ? AND seq = ? AND unit_id = ?`);
    this.upsertCommitmentStmt = db.prepare(`
      INSERT INTO commitments (suggestion_id, commitment_id, unit_id, description, due_at, made_at, fulfilled_at, evidence, assigned_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (suggestion_id, commitment_id) DO UPDATE SET unit_id = excluded.unit_id, description = excluded.description,
        due_at = excluded.due_at, made_at = excluded.made_at, fulfilled_at = excluded.fulfilled_at,
        evidence = excluded.evidence, assigned_at = excluded.assigned_at`);
    this.deleteCommitmentStmt = db.prepare(`DELETE FROM commitments WHERE suggestion_id = ? AND commitment_id = ?`);
    this.upsertKeyStmt = db.prepare(`
      INSERT INTO key_suggestions (id, supervisor_id, leader_name, urge_count, escalated, started_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET supervisor_id = excluded.supervisor_id, leader_name = excluded.leader_name,
        urge_count = excluded.urge_count, escalated = excluded.escalated, started_at = excluded.started_at`);
    this.deleteKeyStmt = db.prepare(`DELETE FROM key_suggestions WHERE id = ?`);
    this.upsertWakeStmt = db.prepare(
      `INSERT INTO wake_ups (id, wake_at) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET wake_at = excluded.wake_at`,
    );
    this.deleteWakeStmt = db.prepare(`DELETE FROM wake_ups WHERE id = ?`);
    this.upsertPublishedStmt = db.prepare(`
      INSERT INTO published_suggestions (id, published_at, title, view_json) VALUES (?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET published_at = excluded.published_at, title = excluded.title, view_json = excluded.view_json`);
    this.deletePublishedStmt = db.prepare(`DELETE FROM published_suggestions WHERE id = ?`);
  }

  /** `before`: the facts of the state as last written, null when nothing was written yet. */
  write(id: string, title: string, before: SuggestionFacts | null, after: SuggestionFacts): void {
    const old = before ?? NO_FACTS;
    this.writeHandlings(id, old.handlings, after.handlings);
    this.writeCommitments(id, old.commitments, after.commitments);
    if (!sameKey(old.key, after.key)) {
      if (after.key) {
        const k = after.key;
        this.upsertKeyStmt.run(id, k.supervisorId, k.leaderName, k.urgeCount, k.escalated ? 1 : 0, k.startedAt);
      } else this.deleteKeyStmt.run(id);
    }
    if (old.wakeAt !== after.wakeAt) {
      if (after.wakeAt === null) this.deleteWakeStmt.run(id);
      else if (after.wakeAt !== undefined) this.upsertWakeStmt.run(id, after.wakeAt);
    }
    if (old.published?.viewJson !== after.published?.viewJson || old.published?.at !== after.published?.at) {
      if (after.published) this.upsertPublishedStmt.run(id, after.published.at, title, after.published.viewJson);
      else this.deletePublishedStmt.run(id);
    }
    this.buckets.addDifference(old.contributions, after.contributions);
    this.openCommitments.addDifference(old.openCommitments, after.openCommitments);
  }

  /** Adds the statistics' differences gathered since the last flush. Inside the batch's transaction. */
  flush(): void {
    this.buckets.flush();
    this.openCommitments.flush();
  }

  /** After a rolled-back batch: the differences gathered belong to it. */
  discardPending(): void {
    this.buckets.discardPending();
    this.openCommitments.discardPending();
  }

  private writeHandlings(id: string, before: HandlingFact[], after: HandlingFact[]): void {
    const old = new Map(before.map((h) => [`${h.seq}:${h.unitId}`, h]));
    for (const h of after) {
      const key = `${h.seq}:${h.unitId}`;
      const previous = old.get(key);
      old.delete(key);
      if (previous && sameHandling(previous, h)) continue;
      this.upsertHandlingStmt.run(id, h.seq, h.unitId, h.role, h.assignedAt, ...h.stats.slice(0, HANDLING_STAT_COLUMNS.length), h.openDue);
    }
    for (const gone of old.values()) this.deleteHandlingStmt.run(id, gone.seq, gone.unitId);
  }

  private writeCommitments(id: string, before: CommitmentFact[], after: CommitmentFact[]): void {
    const old = new Map(before.map((c) => [c.commitmentId, c]));
    for (const c of after) {
      const previous = old.get(c.commitmentId);
      old.delete(c.commitmentId);
      if (previous && sameCommitment(previous, c)) continue;
      this.upsertCommitmentStmt.run(id, c.commitmentId, c.unitId, c.description, c.dueAt, c.madeAt, c.fulfilledAt, c.evidence, c.assignedAt);
    }
    for (const gone of old.values()) this.deleteCommitmentStmt.run(id, gone.commitmentId);
  }
}

function sameStats(a: StatVector, b: StatVector): boolean {
  for (let i = 0; i < STAT_COLUMNS.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameHandling(a: HandlingFact, b: HandlingFact): boolean {
  return a.role === b.role && a.assignedAt === b.assignedAt && a.openDue === b.openDue && sameStats(a.stats, b.stats);
}

function sameCommitment(a: CommitmentFact, b: CommitmentFact): boolean {
  return (
    a.unitId === b.unitId &&
    a.description === b.description &&
    a.dueAt === b.dueAt &&
    a.madeAt === b.madeAt &&
    a.fulfilledAt === b.fulfilledAt &&
    a.evidence === b.evidence &&
    a.assignedAt === b.assignedAt
  );
}

function sameKey(a: KeyFact | null, b: KeyFact | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.supervisorId === b.supervisorId &&
    a.leaderName === b.leaderName &&
    a.urgeCount === b.urgeCount &&
    a.escalated === b.escalated &&
    a.startedAt === b.startedAt
  );
}
