import type { ReadModelDatabase } from '../../schema/open-read-model';
import { toIsoInstant } from '../../projection/iso-instant';
import type { DelegationStats, StatsScope } from '../../supervision/supervision.types';
import { rate } from './rate';
import { StatementCache } from './statement-cache';

/** Sorts after every instant: an open end of a period. */
const END_OF_TIME = '\uffff';

interface DelegationRow {
  delegation_id: string | null;
  name: string | null;
  suggestions: number;
  by_delegation: number;
  assigned: number;
  answered: number;
  overdue: number;
  rated: number;
  satisfied: number;
}

// Per suggestion, what its unit rows say: assigned (a counted assignment), answered (a first
// answer from any answering unit), overdue now (an answer owed past due), ratings (次).
// A delegation's own suggestion names it; any other counts for its lead deputy's delegation.
const PER_SUGGESTION = `
  SELECT s.id, coalesce(s.delegation_id, u.delegation_id) AS delegation_id, s.delegation_id IS NOT NULL AS by_delegation,
         EXISTS (SELECT 1 FROM unit_handlings h WHERE h.suggestion_id = s.id AND h.assigned = 1) AS assigned,
         EXISTS (SELECT 1 FROM unit_handlings h WHERE h.suggestion_id = s.id AND h.answered = 1) AS answered,
         EXISTS (SELECT 1 FROM unit_handlings h WHERE h.suggestion_id = s.id AND h.open_due IS NOT NULL AND h.open_due < @now) AS overdue,
         (SELECT coalesce(sum(h.rated), 0) FROM unit_handlings h WHERE h.suggestion_id = s.id) AS rated,
         (SELECT coalesce(sum(h.satisfied), 0) FROM unit_handlings h WHERE h.suggestion_id = s.id) AS satisfied
    FROM suggestions s LEFT JOIN users u ON u.id = s.lead_deputy_id`;

/**
 * 代表团 figures: a delegation's suggestions are those it made itself and those its deputies (as
 * they belong now) led, counted
 * in 件 (how many were assigned, answered, are overdue now) and their ratings in 次. The scope is
 * the suggestions': one session's, or those submitted in a span.
 */
export class DelegationStatsQueries {
  private readonly statements: StatementCache;

  constructor(db: ReadModelDatabase) {
    this.statements = new StatementCache(db);
  }

  delegationStats(scope: StatsScope, now: string): DelegationStats[] {
    const where =
      scope.sessionId !== undefined ? 'WHERE s.session_id = @session' : scope.from !== undefined || scope.to !== undefined ? 'WHERE s.submitted_at >= @from AND s.submitted_at < @to' : '';
    const sql = `
      SELECT x.delegation_id, d.name, count(*) AS suggestions, sum(x.by_delegation) AS by_delegation, sum(x.assigned) AS assigned,
             sum(x.answered) AS answered, sum(x.overdue) AS overdue, sum(x.rated) AS rated, sum(x.satisfied) AS satisfied
        FROM (${PER_SUGGESTION} ${where}) x LEFT JOIN delegations d ON d.id = x.delegation_id
       GROUP BY x.delegation_id ORDER BY x.delegation_id IS NULL, d.name, x.delegation_id`;
    const params: Record<string, string> = { now: toIsoInstant(now) };
    if (scope.sessionId !== undefined) params.session = scope.sessionId;
    else if (scope.from !== undefined || scope.to !== undefined) {
      params.from = scope.from === undefined ? '' : toIsoInstant(scope.from);
      params.to = scope.to === undefined ? END_OF_TIME : toIsoInstant(scope.to);
    }
    const rows = this.statements.get(sql).all(params) as DelegationRow[];
    return rows.map((row) => ({
      delegationId: row.delegation_id,
      delegationName: row.delegation_id === null ? null : (row.name ?? row.delegation_id),
      suggestions: row.suggestions,
      byDelegation: row.by_delegation,
      assigned: rate(row.assigned, row.suggestions),
      answered: rate(row.answered, row.suggestions),
      overdueNow: row.overdue,
      satisfactionRate: rate(row.satisfied, row.rated),
    }));
  }
}
