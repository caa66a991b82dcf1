import { addDays, assertNever, endOfShanghaiDay } from '@duban/domain';
import { toIsoInstant } from '../../projection/iso-instant';
import type { ReadModelDatabase } from '../../schema/open-read-model';
import type {
  CommitmentCounts,
  CommitmentItem,
  CommitmentLedger,
  CommitmentQuery,
  CommitmentStatus,
  DeputyCommitmentReport,
} from '../../supervision/supervision.types';
import { rate } from './rate';
import { StatementCache } from './statement-cache';

interface CommitmentRow {
  suggestion_id: string;
  title: string;
  commitment_id: string;
  unit_id: string;
  unit_name: string;
  description: string;
  due_at: string;
  made_at: string;
  fulfilled_at: string | null;
  evidence: string | null;
}

const COLUMNS = `c.suggestion_id, s.title, c.commitment_id, c.unit_id, coalesce(u.name, c.unit_id) AS unit_name, c.description,
  c.due_at, c.made_at, c.fulfilled_at, c.evidence`;
const ORDER = `ORDER BY c.due_at, c.suggestion_id, c.commitment_id`;

/** 承诺事项台账, and each deputy's yearly follow-up of the commitments made on their suggestions. */
export class CommitmentQueries {
  private readonly statements: StatementCache;

  constructor(db: ReadModelDatabase) {
    this.statements = new StatementCache(db);
  }

  /** Soonest due first. Without a page, every matching commitment. */
  commitments(query: CommitmentQuery): CommitmentLedger {
    const now = toIsoInstant(query.now);
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.unitId !== undefined) {
      where.push('c.unit_id = ?');
      params.push(query.unitId);
    }
    if (query.status !== undefined) {
      const filter = statusFilter(query.status);
      where.push(filter);
      if (filter.includes('?')) params.push(now);
    }
    // The period, as the unit statistics count commitments: a session's suggestions, or the
    // assignment they were made under.
    if (query.sessionId !== undefined) {
      where.push('s.session_id = ?');
      params.push(query.sessionId);
    }
    if (query.from !== undefined) {
      where.push('c.assigned_at >= ?');
      params.push(toIsoInstant(query.from));
    }
    if (query.to !== undefined) {
      where.push('c.assigned_at < ?');
      params.push(toIsoInstant(query.to));
    }
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const from = `FROM commitments c JOIN suggestions s ON s.id = c.suggestion_id LEFT JOIN units u ON u.id = c.unit_id ${whereSql}`;
    const paged = query.page !== undefined || query.pageSize !== undefined;
    const pageSize = Math.max(1, Math.floor(query.pageSize ?? 50));
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const rows = (
      paged
        ? this.statements.get(`SELECT ${COLUMNS} ${from} ${ORDER} LIMIT ? OFFSET ?`).all(...params, pageSize, (page - 1) * pageSize)
        : this.statements.get(`SELECT ${COLUMNS} ${from} ${ORDER}`).all(...params)
    ) as CommitmentRow[];
    const total = paged
      ? (
          this.statements
            .get(`SELECT count(*) AS total FROM commitments c ${query.sessionId !== undefined ? 'JOIN suggestions s ON s.id = c.suggestion_id' : ''} ${whereSql}`)
            .get(...params) as { total: number }
        ).total
      : rows.length;
    return { items: rows.map((row) => toItem(row, now)), total };
  }

  /** The commitments of the suggestions the deputy led or co-signed that were submitted in `year` (Beijing time). */
  deputyCommitmentReport(deputyId: string, year: number, now: string): DeputyCommitmentReport {
    const at = toIsoInstant(now);
    const rows = this.statements
      .get(
        `SELECT ${COLUMNS} FROM parties p JOIN suggestions s ON s.id = p.suggestion_id
           JOIN commitments c ON c.suggestion_id = p.suggestion_id LEFT JOIN units u ON u.id = c.unit_id
          WHERE p.kind = 'deputy' AND p.party_id = ? AND p.submitted_at >= ? AND p.submitted_at < ? ${ORDER}`,
      )
      .all(deputyId, yearStart(year), yearStart(year + 1)) as CommitmentRow[];
    const items = rows.map((row) => toItem(row, at));
    const counts: CommitmentCounts = { made: items.length, fulfilled: 0, open: 0, overdue: 0 };
    for (const item of items) {
      if (item.status === 'fulfilled') counts.fulfilled++;
      else counts.open++;
      if (item.status === 'overdue') counts.overdue++;
    }
    return { deputyId, year, counts, fulfilmentRate: rate(counts.fulfilled, counts.made), items };
  }
}

function statusFilter(status: CommitmentStatus): string {
  switch (status) {
    case 'open':
      return 'c.fulfilled_at IS NULL';
    case 'overdue':
      return 'c.fulfilled_at IS NULL AND c.due_at < ?';
    case 'fulfilled':
      return 'c.fulfilled_at IS NOT NULL';
    default:
      return assertNever(status, 'commitment status');
  }
}

export function commitmentStatus(dueAt: string, fulfilledAt: string | null, now: string): CommitmentStatus {
  if (fulfilledAt !== null) return 'fulfilled';
  return dueAt < now ? 'overdue' : 'open';
}

function toItem(row: CommitmentRow, now: string): CommitmentItem {
  return {
    suggestionId: row.suggestion_id,
    title: row.title,
    commitmentId: row.commitment_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    description: row.description,
    dueAt: row.due_at,
    madeAt: row.made_at,
    fulfilledAt: row.fulfilled_at,
    evidence: row.evidence,
    status: commitmentStatus(row.due_at, row.fulfilled_at, now),
  };
}

/** 00:00 of 1 January in Asia/Shanghai. */
function yearStart(year: number): string {
  return endOfShanghaiDay(addDays(`${String(year).padStart(4, '0')}-01-01`, -1));
}
