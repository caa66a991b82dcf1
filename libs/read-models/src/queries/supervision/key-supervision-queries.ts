import type { SuggestionStatus } from '@duban/domain';
import type { Statement } from 'better-sqlite3';
import { toIsoInstant } from '../../projection/iso-instant';
import type { ReadModelDatabase } from '../../schema/open-read-model';
import type { KeySupervisionPage, KeySupervisionReport } from '../../supervision/supervision.types';
import { rate } from './rate';

interface KeyRow {
  id: string;
  title: string;
  status: SuggestionStatus;
  supervisor_id: string;
  supervisor_name: string | null;
  leader_name: string | null;
  unit_ids: string;
  due_at: string | null;
  urge_count: number;
  escalated: number;
  started_at: string;
}

// Walks the list's index of key suggestions in due order: a page reads only its own rows.
const SELECT = `
  SELECT k.id, s.title, s.status, k.supervisor_id, u.display_name AS supervisor_name, k.leader_name, s.unit_ids,
         s.due_at, k.urge_count, k.escalated, k.started_at
    FROM suggestions s INDEXED BY suggestions_key_by_due CROSS JOIN key_suggestions k ON k.id = s.id
    LEFT JOIN users u ON u.id = k.supervisor_id
   WHERE s.key_supervised = 1
   ORDER BY s.due_sort, s.submitted_at DESC, s.id`;

/** 重点督办: every key suggestion with its progress and people, and the 两个全覆盖 coverage. */
export class KeySupervisionQueries {
  private readonly allStmt: Statement<[], KeyRow>;
  private readonly pageStmt: Statement<[number, number], KeyRow>;
  private readonly coverageStmt: Statement<[], { total: number; supervisor: number; leader: number; both: number }>;

  constructor(db: ReadModelDatabase) {
    this.allStmt = db.prepare(SELECT);
    this.pageStmt = db.prepare(`${SELECT} LIMIT ? OFFSET ?`);
    this.coverageStmt = db.prepare(`
      SELECT count(*) AS total,
             count(CASE WHEN supervisor_id <> '' THEN 1 END) AS supervisor,
             count(leader_name) AS leader,
             count(CASE WHEN supervisor_id <> '' AND leader_name IS NOT NULL THEN 1 END) AS both
        FROM key_suggestions`);
  }

  /**
   * Soonest due first (nothing due last), as the suggestion list; every key suggestion unless a
   * page is asked for. The coverage always counts them all.
   */
  keySupervision(now: string, page?: KeySupervisionPage): KeySupervisionReport {
    const at = toIsoInstant(now);
    const rows =
      page === undefined
        ? this.allStmt.all()
        : this.pageStmt.all(Math.max(1, Math.floor(page.pageSize)), (Math.max(1, Math.floor(page.page)) - 1) * Math.max(1, Math.floor(page.pageSize)));
    const c = this.coverageStmt.get()!;
    return {
      items: rows.map((row) => ({
        id: row.id,
        title: row.title,
        status: row.status,
        supervisorId: row.supervisor_id || null,
        supervisorName: row.supervisor_id ? (row.supervisor_name ?? null) : null,
        leaderName: row.leader_name,
        unitIds: JSON.parse(row.unit_ids) as string[],
        dueAt: row.due_at,
        overdue: row.due_at !== null && row.due_at < at,
        urgeCount: row.urge_count,
        escalated: row.escalated === 1,
        startedAt: row.started_at,
      })),
      total: c.total,
      coverage: { both: rate(c.both, c.total), supervisor: rate(c.supervisor, c.total), leader: rate(c.leader, c.total) },
    };
  }
}
