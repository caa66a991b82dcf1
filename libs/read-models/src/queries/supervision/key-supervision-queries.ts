import type { SuggestionStatus } from '@duban/domain';
import { toIsoInstant } from '../../projection/iso-instant';
import type { ReadModelDatabase } from '../../schema/open-read-model';
import type { KeySupervisionPage, KeySupervisionReport, StatsScope } from '../../supervision/supervision.types';
import { rate } from './rate';
import { StatementCache } from './statement-cache';

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

/** The scope's condition on the suggestion row `s` (a session, or submitted in a span), and its parameters. */
function scopeWhere(scope: StatsScope): { sql: string; params: string[] } {
  if (scope.sessionId !== undefined) return { sql: ' AND s.session_id = ?', params: [scope.sessionId] };
  if (scope.from === undefined && scope.to === undefined) return { sql: '', params: [] };
  return { sql: ' AND s.submitted_at >= ? AND s.submitted_at < ?', params: [scope.from === undefined ? '' : toIsoInstant(scope.from), scope.to === undefined ? '\uffff' : toIsoInstant(scope.to)] };
}

// Walks the list's index of key suggestions in due order: a page reads only its own rows.
const select = (scopeSql: string) => `
  SELECT k.id, s.title, s.status, k.supervisor_id, u.display_name AS supervisor_name, k.leader_name, s.unit_ids,
         s.due_at, k.urge_count, k.escalated, k.started_at
    FROM suggestions s INDEXED BY suggestions_key_by_due CROSS JOIN key_suggestions k ON k.id = s.id
    LEFT JOIN users u ON u.id = k.supervisor_id
   WHERE s.key_supervised = 1${scopeSql}
   ORDER BY s.due_sort, s.submitted_at DESC, s.id`;

const coverage = (scopeSql: string) => `
  SELECT count(*) AS total,
         count(CASE WHEN k.supervisor_id <> '' THEN 1 END) AS supervisor,
         count(k.leader_name) AS leader,
         count(CASE WHEN k.supervisor_id <> '' AND k.leader_name IS NOT NULL THEN 1 END) AS both
    FROM key_suggestions k${scopeSql === '' ? '' : ` JOIN suggestions s ON s.id = k.id WHERE 1${scopeSql}`}`;

/** 重点督办: every key suggestion with its progress and people, and the 两个全覆盖 coverage. */
export class KeySupervisionQueries {
  private readonly statements: StatementCache;

  constructor(db: ReadModelDatabase) {
    this.statements = new StatementCache(db);
  }

  /**
   * Soonest due first (nothing due last), as the suggestion list; every key suggestion of the scope
   * unless a page is asked for. The coverage always counts all of the scope's.
   */
  keySupervision(now: string, page?: KeySupervisionPage, scope: StatsScope = {}): KeySupervisionReport {
    const at = toIsoInstant(now);
    const where = scopeWhere(scope);
    const rows = (
      page === undefined
        ? this.statements.get(select(where.sql)).all(...where.params)
        : this.statements
            .get(`${select(where.sql)} LIMIT ? OFFSET ?`)
            .all(...where.params, Math.max(1, Math.floor(page.pageSize)), (Math.max(1, Math.floor(page.page)) - 1) * Math.max(1, Math.floor(page.pageSize)))
    ) as KeyRow[];
    const c = this.statements.get(coverage(where.sql)).get(...where.params) as { total: number; supervisor: number; leader: number; both: number };
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
