import { dueLevel, toShanghaiDate, type DueRules } from '@duban/domain';
import type { SuggestionListItem } from '../read-model.types';

/** A `suggestions` row as the list reads it (LIST_COLUMNS). */
export interface ListRow {
  id: string;
  title: string;
  status: SuggestionListItem['status'];
  lead_deputy_id: string;
  unit_ids: string;
  due_at: string | null;
  key_supervised: number;
  revision: number;
  submitted_at: string;
  updated_at: string;
  session_id: string;
  number: number | null;
  delegation_id: string | null;
  /** Only in a text search: every match, counted with the page. */
  total_rows?: number;
}

/** `now` decides `overdue` (due before now) and, with the service's rules, `dueLevel`. */
export function toListItem(row: ListRow, now: string, rules: DueRules): SuggestionListItem {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    deputyId: row.lead_deputy_id,
    unitIds: JSON.parse(row.unit_ids) as string[],
    dueAt: row.due_at,
    overdue: row.due_at !== null && row.due_at < now,
    dueLevel: row.due_at === null ? null : dueLevel(row.due_at, now, rules),
    provisional: row.due_at !== null && isProvisionalDueDay(row.due_at, rules),
    keySupervised: row.key_supervised === 1,
    revision: row.revision,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    sessionId: row.session_id,
    ...(row.number !== null ? { number: row.number } : {}),
    ...(row.delegation_id !== null ? { delegationId: row.delegation_id } : {}),
  };
}

/**
 * Whether the due day lies in a year whose official holiday notice is not loaded yet. The list keeps
 * no start of the period; its due times are computed forward from days in official years (the
 * calendar's data covers the past), so the due day's year is the one that can be provisional. The
 * detail's deadlines say it exactly, from each period's start.
 */
function isProvisionalDueDay(dueAt: string, rules: DueRules): boolean {
  if (!rules.calendar.anyProvisional) return false;
  const day = toShanghaiDate(new Date(Date.parse(dueAt) - 1).toISOString());
  return rules.calendar.anyProvisional(day, day);
}
