import { assertNever } from '@duban/domain';
import type { SuggestionListFilter, Viewer } from '../read-model.types';

export interface ListSql {
  /** Same text for the same combination of filters, so statements can be cached by it. */
  pageSql: string;
  countSql: string;
  params: (string | number)[];
}

/** The list's one order: due time, nulls last, then newest first; id keeps pages stable. Matches the indexes. */
const ORDER = `ORDER BY s.due_sort, s.submitted_at DESC, s.id`;

const LIST_COLUMNS = `s.id, s.title, s.status, s.lead_deputy_id, s.unit_ids, s.due_at, s.key_supervised,
  s.revision, s.submitted_at, s.updated_at`;

/**
 * What a viewer may list: a deputy the suggestions they lead or co-signed, a unit what it handles
 * or handled, everyone else all. null = everything; 'nothing' for a unit account without a unit.
 */
export function viewerScope(viewer: Viewer): { kind: 'deputy' | 'unit'; partyId: string } | null | 'nothing' {
  switch (viewer.role) {
    case 'deputy':
      return { kind: 'deputy', partyId: viewer.userId };
    case 'unit':
      return viewer.unitId ? { kind: 'unit', partyId: viewer.unitId } : 'nothing';
    case 'staff':
    case 'supervisor':
    case 'admin':
    case 'system':
      return null;
    default:
      return assertNever(viewer.role, 'viewer role');
  }
}

export function buildListSql(filter: SuggestionListFilter, viewer: Viewer, now: string): ListSql {
  const joins: string[] = [];
  const where: string[] = [];
  const joinParams: (string | number)[] = [];
  const params: (string | number)[] = [];

  const scope = viewerScope(viewer);
  if (scope === 'nothing') {
    where.push('0');
  } else if (scope) {
    joins.push(`JOIN parties v ON v.suggestion_id = s.id AND v.kind = ? AND v.party_id = ?`);
    joinParams.push(scope.kind, scope.partyId);
  }
  if (filter.status !== undefined) {
    where.push('s.status = ?');
    params.push(filter.status);
  }
  // Joins, not EXISTS: the planner can then start from a party's few suggestions instead of
  // walking the whole list. (kind, party_id, suggestion_id) is the key, so no row doubles.
  if (filter.unitId !== undefined) {
    joins.push(`JOIN parties pu ON pu.suggestion_id = s.id AND pu.kind = 'unit' AND pu.party_id = ?`);
    joinParams.push(filter.unitId);
  }
  if (filter.deputyId !== undefined) {
    joins.push(`JOIN parties pd ON pd.suggestion_id = s.id AND pd.kind = 'deputy' AND pd.party_id = ?`);
    joinParams.push(filter.deputyId);
  }
  if (filter.overdue === true) {
    // due_sort, not due_at: the due-time index then serves the range and the order at once.
    where.push('s.due_sort < ?');
    params.push(now);
  } else if (filter.overdue === false) {
    where.push('s.due_sort >= ?');
    params.push(now);
  }
  if (filter.keySupervised !== undefined) where.push(filter.keySupervised ? 's.key_supervised = 1' : 's.key_supervised = 0');
  const q = filter.q?.trim();
  if (q) {
    where.push(`(s.title LIKE ? ESCAPE '\\' OR s.content LIKE ? ESCAPE '\\')`);
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(pattern, pattern);
  }

  const from = `FROM suggestions s ${joins.join(' ')} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return {
    pageSql: `SELECT ${LIST_COLUMNS} ${from} ${ORDER} LIMIT ? OFFSET ?`,
    countSql: `SELECT count(*) AS total ${from}`,
    params: [...joinParams, ...params],
  };
}
