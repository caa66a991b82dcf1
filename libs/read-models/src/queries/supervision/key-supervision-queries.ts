import type { SuggestionStatus } from '@duban/domain';
import type { Statement } from 'better-sqlite3';
import { toIsoInstant } from '../../projection/iso-instant';
import type { ReadModelDatabase } from '../../schema/open-read-model';
import type { KeySupervisionReport } from '../../supervision/supervision.types';
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

/** 重点督办: every key suggestion with its progress and people, and the 两个全覆盖 coverage. */
export class KeySupervisionQueries {
  private readonly itemsStmt: Statement<[], KeyRow>;

  constructor(db: ReadModelDatabase) {
    this.itemsStmt = db.prepare(`
      SELECT k.id, s.title, s.status, k.supervisor_id, u.display_name AS supervisor_name, k.leader_name, s.unit_ids,
             s.due_at, k.urge_count, k.escalated, k.started_at
        FROM key_suggestions k JOIN suggestions s ON s.id = k.id LEFT JOIN users u ON u.id = k.supervisor_id
       ORDER BY s.due_sort, s.submitted_at DESC, k.id`);
  }

  /** Soonest due first (nothing due last), as the suggestion list. */
  keySupervision(now: string): KeySupervisionReport {
    const at = toIsoInstant(now);
    const items = this.itemsStmt.all().map((row) => ({
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
    }));
    const withSupervisor = items.filter((i) => i.supervisorId !== null).length;
    const withLeader = items.filter((i) => i.leaderName !== null).length;
    const withBoth = items.filter((i) => i.supervisorId !== null && i.leaderName !== null).length;
    return {
      items,
      coverage: { both: rate(withBoth, items.length), supervisor: rate(withSupervisor, items.length), leader: rate(withLeader, items.length) },
    };
  }
}
