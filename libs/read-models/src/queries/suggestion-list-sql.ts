import { assertNever } from '@duban/domain';
import type { SuggestionListFilter, Viewer } from '../read-model.types';

export type PartyScope = { kind: 'deputy' | 'unit'; partyId: string };

/** A list query for one combination of filters; same text for the same combination (statement cache key). */
export type ListSql =
  | { kind: 'empty' }
  | {
      kind: 'query';
      pageSql: string;
      params: (string | number)[];
      /**
       * How to get the total: a count query; the status counts table; or, for q (a scan of every
       * content), the page's own `total_rows` column, with the count query only for a page past the end.
       */
      total:
        | { kind: 'count'; sql: string; params: (string | number)[] }
        | { kind: 'status_counts'; status?: string }
        | { kind: 'in_page'; sql: string; params: (string | number)[] };
    };

export const LIST_COLUMNS = `s.id, s.title, s.status, s.lead_deputy_id, s.unit_ids, s.due_at, s.key_supervised,
  s.revision, s.submitted_at, s.updated_at, s.session_id, s.number, s.delegation_id`;

/** Counts every match in the same pass as the page: a text search then scans the contents once, not twice. */
const TOTAL_IN_PAGE = `, count(*) OVER () AS total_rows`;

/**
 * What a viewer may list: a deputy the suggestions they lead or co-signed, a unit what it handles
 * or handled, everyone else all. null = everything; 'nothing' for a unit account without a unit.
 */
export function viewerScope(viewer: Viewer): PartyScope | null | 'nothing' {
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

/**
 * Two plans. When a party narrows the list (the viewer's scope, a unit or a deputy filter), the
 * page and the total come off that party's rows in `parties`, which repeat the sort and filter
 * columns; otherwise off the suggestions' own indexes. Both sort by due time (nothing due
 * last), then newest first, then id, which is the order the indexes keep.
 */
export function buildListSql(filter: SuggestionListFilter, viewer: Viewer, now: string): ListSql {
  const scope = viewerScope(viewer);
  if (scope === 'nothing') return { kind: 'empty' };
  const parties: PartyScope[] = [];
  if (scope) parties.push(scope);
  if (filter.unitId !== undefined) parties.push({ kind: 'unit', partyId: filter.unitId });
  if (filter.deputyId !== undefined) parties.push({ kind: 'deputy', partyId: filter.deputyId });
  return parties.length > 0 ? partyPlan(parties, filter, now) : suggestionPlan(filter, now);
}

function partyPlan(parties: PartyScope[], filter: SuggestionListFilter, now: string): ListSql {
  const [driver, ...others] = parties as [PartyScope, ...PartyScope[]];
  const where = ['p.kind = ?', 'p.party_id = ?'];
  const params: (string | number)[] = [driver.kind, driver.partyId];
  for (const [i, other] of others.entries()) {
    where.push(`EXISTS (SELECT 1 FROM parties o${i} WHERE o${i}.kind = ? AND o${i}.party_id = ? AND o${i}.suggestion_id = p.suggestion_id)`);
    params.push(other.kind, other.partyId);
  }
  addColumnFilters('p', filter, now, where, params);
  const needsRow = addSuggestionFilters(filter, where, params);
  const text = textFilter(filter, 'p.suggestion_id');
  if (text) {
    where.push(text.sql);
    params.push(...text.params);
  }
  const from = `FROM parties p JOIN suggestions s ON s.id = p.suggestion_id WHERE ${where.join(' AND ')}`;
  // Without q (or a filter on the suggestion's own columns) the total needs no suggestion row at all:
  // counting the party's index range is enough.
  const countFrom = text || needsRow ? from : `FROM parties p WHERE ${where.join(' AND ')}`;
  return {
    kind: 'query',
    pageSql: `SELECT ${LIST_COLUMNS}${text ? TOTAL_IN_PAGE : ''} ${from} ORDER BY p.due_sort, p.submitted_at DESC, p.suggestion_id LIMIT ? OFFSET ?`,
    params,
    total: { kind: text ? 'in_page' : 'count', sql: `SELECT count(*) AS total ${countFrom}`, params },
  };
}

function suggestionPlan(filter: SuggestionListFilter, now: string): ListSql {
  const where: string[] = [];
  const params: (string | number)[] = [];
  addColumnFilters('s', filter, now, where, params);
  const narrowed = addSuggestionFilters(filter, where, params);
  const text = textFilter(filter, 's.id');
  if (text) {
    where.push(text.sql);
    params.push(...text.params);
  }
  const from = `FROM suggestions s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const onlyStatus = filter.overdue === undefined && filter.keySupervised === undefined && !text && !narrowed;
  const count = `SELECT count(*) AS total ${from}`;
  const order = 'ORDER BY s.due_sort, s.submitted_at DESC, s.id';
  return {
    kind: 'query',
    // Without q the page is picked on the sort index alone (it holds the id), and only its rows are
    // read: page 50 then skips 980 index entries instead of reading 980 suggestion rows.
    // CROSS JOIN keeps the picked ids as the outer loop.
    pageSql: text
      ? `SELECT ${LIST_COLUMNS}${TOTAL_IN_PAGE} ${from} ${order} LIMIT ? OFFSET ?`
      : `SELECT ${LIST_COLUMNS} FROM (SELECT s.id AS page_id ${from} ${order} LIMIT ? OFFSET ?) page CROSS JOIN suggestions s ON s.id = page.page_id ${order}`,
    params,
    total: onlyStatus
      ? { kind: 'status_counts', ...(filter.status !== undefined ? { status: filter.status } : {}) }
      : { kind: text ? 'in_page' : 'count', sql: count, params },
  };
}

/** Filters on columns that both `suggestions` (s) and `parties` (p) carry. */
function addColumnFilters(
  table: 's' | 'p',
  filter: SuggestionListFilter,
  now: string,
  where: string[],
  params: (string | number)[],
): void {
  if (filter.status !== undefined) {
    where.push(`${table}.status = ?`);
    params.push(filter.status);
  }
  // due_sort, not due_at: the due-time index then serves the range and the order at once.
  if (filter.overdue === true) {
    where.push(`${table}.due_sort < ?`);
    params.push(now);
  } else if (filter.overdue === false) {
    where.push(`${table}.due_sort >= ?`);
    params.push(now);
  }
  if (filter.keySupervised !== undefined) where.push(`${table}.key_supervised = ${filter.keySupervised ? 1 : 0}`);
}

/**
 * Filters on columns only `suggestions` (s) carries: session, delegation, year of submission.
 * True when one was added (a party plan then joins the suggestion row for its total too).
 */
function addSuggestionFilters(filter: SuggestionListFilter, where: string[], params: (string | number)[]): boolean {
  const before = where.length;
  if (filter.sessionId !== undefined) {
    where.push('s.session_id = ?');
    params.push(filter.sessionId);
  }
  if (filter.delegationId !== undefined) {
    where.push('s.delegation_id = ?');
    params.push(filter.delegationId);
  }
  if (filter.year !== undefined) {
    // The year in Asia/Shanghai (+08:00, no DST): from 16:00 UTC on the last day of the year before.
    where.push('s.submitted_at >= ? AND s.submitted_at < ?');
    params.push(`${filter.year - 1}-12-31T16:00:00.000Z`, `${filter.year}-12-31T16:00:00.000Z`);
  }
  return where.length > before;
}

/** 第12号, 12, 0012, 第0012号: the number a q names, or null when it is not one. */
export function numberInQuery(q: string): number | null {
  const m = /^第?\s*0*(\d{1,9})\s*号?$/.exec(q);
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 ? n : null;
}

/**
 * q matches title or content, % and _ taken literally, or the number (第12号, 12, 0012). The contents are scanned once into a set
 * (IN), not looked up row by row: one pass over the long rows instead of 100k index lookups.
 */
function textFilter(filter: SuggestionListFilter, idColumn: string): { sql: string; params: (string | number)[] } | null {
  const q = filter.q?.trim();
  if (!q) return null;
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const number = numberInQuery(q);
  return {
    sql: `(s.title LIKE ? ESCAPE '\\' OR ${idColumn} IN (SELECT t.id FROM suggestion_texts t WHERE t.content LIKE ? ESCAPE '\\')${number !== null ? ' OR s.number = ?' : ''})`,
    params: number !== null ? [pattern, pattern, number] : [pattern, pattern],
  };
}
