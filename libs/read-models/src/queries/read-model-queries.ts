import { assertNever, createWorkingCalendar, NATIONAL_RULEBOOK, type DueRules, type ExistingSuggestion, type Role, type Rulebook } from '@duban/domain';
import Database, { type Statement } from 'better-sqlite3';
import { toIsoInstant } from '../projection/iso-instant';
import type {
  DelegationRow,
  SessionRow,
  StoredSuggestion,
  SuggestionList,
  SuggestionListFilter,
  UnitRow,
  UserListRow,
  UserRow,
  Viewer,
} from '../read-model.types';
import type { ReadModelDatabase } from '../schema/open-read-model';
import { READ_MODEL_SCHEMA_VERSION } from '../schema/read-model-schema';
import type { PublishedSuggestion, PublishedSuggestionList, PublishedSuggestionQuery } from '../disclosure/published.types';
import type { Inbox, InboxPage } from '../inbox/inbox.types';
import type {
  CommitmentLedger,
  CommitmentQuery,
  DeputyArchive,
  DeputyCommitmentReport,
  KeySupervisionPage,
  KeySupervisionReport,
  DelegationStats,
  Overview,
  StatsScope,
  UnitStats,
  UnitStatsQuery,
} from '../supervision/supervision.types';
import { InboxQueries } from './inbox-queries';
import { toListItem, type ListRow } from './list-row';
import { PublishedQueries } from './published-queries';
import { CommitmentQueries } from './supervision/commitment-queries';
import { DeputyArchiveQueries } from './supervision/deputy-archive-queries';
import { KeySupervisionQueries } from './supervision/key-supervision-queries';
import { UnitStatsQueries } from './supervision/unit-stats-queries';
import { DelegationStatsQueries } from './supervision/delegation-stats-queries';
import { buildListSql, viewerScope, type ListSql } from './suggestion-list-sql';

interface DetailRow {
  title: string;
  revision: number;
  content: string;
  state_json: string;
}

interface UserDbRow {
  id: string;
  display_name: string;
  role: Role;
  unit_id: string | null;
}

interface SessionDbRow {
  id: string;
  name: string;
  kind: 'congress' | 'recess';
  starts_on: string;
  ends_on: string | null;
  assign_on: string | null;
  closed: number;
}

interface UserListDbRow extends UserDbRow {
  active: number;
  delegation_id: string | null;
  phone: string | null;
}

/** A page is at most this long, whatever the caller asks. */
export const MAX_PAGE_SIZE = 200;

/**
 * Reads the read model. Every statement is prepared once (list statements once per combination
 * of filters); a page costs two statements whatever its length.
 */
export class ReadModelQueries {
  private readonly db: ReadModelDatabase;
  private readonly listStatements = new Map<string, Statement>();
  private openDeadlinesStmt: Statement | undefined;
  private readonly detailStmt: Statement<[string], DetailRow>;
  private readonly existsStmt: Statement<[string], { one: number }>;
  private readonly partyStmt: Statement<[string, string, string], { one: number }>;
  private readonly usersStmt: Statement<[], UserListDbRow>;
  private readonly usersByRoleStmt: Statement<[string], UserListDbRow>;
  private readonly userStmt: Statement<[string], UserDbRow>;
  private readonly unitsStmt: Statement<[], UnitRow>;
  private readonly unitStmt: Statement<[string], UnitRow>;
  private readonly allCountStmt: Statement<[], { total: number }>;
  private readonly statusCountStmt: Statement<[string], { total: number }>;
  private readonly dueStmt: Statement<[string, number], { id: string }>;
  private readonly sessionsStmt: Statement<[], SessionDbRow>;
  private readonly delegationsStmt: Statement<[], { id: string; name: string; head_deputy_id: string | null }>;
  private readonly unitStatsQueries: UnitStatsQueries;
  private readonly delegationStatsQueries: DelegationStatsQueries;
  private readonly keySupervisionQueries: KeySupervisionQueries;
  private readonly commitmentQueries: CommitmentQueries;
  private readonly deputyArchiveQueries: DeputyArchiveQueries;
  private readonly inboxQueries: InboxQueries;
  private readonly publishedQueries: PublishedQueries;

  /**
   * Pass the projector's database, or the path of a read model a projector has created
   * (it is the projector that creates and migrates the schema).
   */
  constructor(
    database: ReadModelDatabase | string,
    /**
     * Due levels in lists and the answer-category scheme of the statistics: give the service's
     * rulebook and calendar (default: national rules, official calendar without overrides).
     */
    private readonly dueRules: QueryRules = defaultDueRules(),
  ) {
    this.db = typeof database === 'string' ? openExisting(database) : database;
    const db = this.db;
    this.detailStmt = db.prepare(`
      SELECT s.title, s.revision, t.content, st.state_json
        FROM suggestions s JOIN suggestion_texts t ON t.id = s.id JOIN suggestion_states st ON st.id = s.id
       WHERE s.id = ?`);
    this.allCountStmt = db.prepare(`SELECT coalesce(sum(n), 0) AS total FROM status_counts`);
    this.statusCountStmt = db.prepare(`SELECT coalesce(sum(n), 0) AS total FROM status_counts WHERE status = ?`);
    this.existsStmt = db.prepare(`SELECT 1 AS one FROM suggestions WHERE id = ?`);
    this.partyStmt = db.prepare(`SELECT 1 AS one FROM parties WHERE kind = ? AND party_id = ? AND suggestion_id = ?`);
    this.usersStmt = db.prepare(`SELECT id, display_name, role, unit_id, active, delegation_id, phone FROM users ORDER BY id`);
    this.usersByRoleStmt = db.prepare(`SELECT id, display_name, role, unit_id, active, delegation_id, phone FROM users WHERE role = ? ORDER BY id`);
    this.userStmt = db.prepare(`SELECT id, display_name, role, unit_id FROM users WHERE id = ?`);
    this.unitsStmt = db.prepare(`SELECT id, name FROM units ORDER BY id`);
    this.unitStmt = db.prepare(`SELECT id, name FROM units WHERE id = ?`);
    this.dueStmt = db.prepare(`SELECT id FROM wake_ups WHERE wake_at <= ? ORDER BY wake_at, id LIMIT ?`);
    this.delegationsStmt = db.prepare(`SELECT id, name, head_deputy_id FROM delegations ORDER BY name, id`);
    this.sessionsStmt = db.prepare(`SELECT id, name, kind, starts_on, ends_on, assign_on, closed FROM sessions ORDER BY starts_on DESC, id`);
    this.unitStatsQueries = new UnitStatsQueries(db, this.dueRules.rulebook.answerCategories.map((c) => c.code));
    this.delegationStatsQueries = new DelegationStatsQueries(db);
    this.keySupervisionQueries = new KeySupervisionQueries(db);
    this.commitmentQueries = new CommitmentQueries(db);
    this.deputyArchiveQueries = new DeputyArchiveQueries(db, this.dueRules);
    this.inboxQueries = new InboxQueries(db);
    this.publishedQueries = new PublishedQueries(db);
  }

  /** `now` decides `overdue` (due before now), so a list is right at any clock, manual or real. */
  listSuggestions(filter: SuggestionListFilter, viewer: Viewer, now: string): SuggestionList {
    const at = toIsoInstant(now);
    const pageSize = Math.min(Math.max(1, Math.floor(filter.pageSize)), MAX_PAGE_SIZE);
    const page = Math.max(1, Math.floor(filter.page));
    const plan = buildListSql(filter, viewer, at);
    if (plan.kind === 'empty') return { items: [], total: 0 };
    const rows = this.statement(plan.pageSql).all(...plan.params, pageSize, (page - 1) * pageSize) as ListRow[];
    const total =
      plan.total.kind !== 'in_page'
        ? this.total(plan.total)
        : rows.length > 0
          ? rows[0]!.total_rows!
          : page === 1
            ? 0
            : this.total(plan.total);
    return { items: rows.map((row) => toListItem(row, at, this.dueRules)), total };
  }

  /** The stored state (the detail view is made from it per caller: apps/api's detail query). */
  getSuggestion(id: string): StoredSuggestion | null {
    const row = this.detailStmt.get(id);
    if (!row) return null;
    const { id: storedId, ...stored } = JSON.parse(row.state_json) as Omit<ExistingSuggestion, 'title' | 'content'>;
    return { id: storedId, title: row.title, content: row.content, ...stored, revision: row.revision } as StoredSuggestion;
  }

  /** False for a suggestion that does not exist, as for one the viewer may not see. */
  canView(viewer: Viewer, id: string): boolean {
    const scope = viewerScope(viewer);
    if (scope === 'nothing') return false;
    if (scope === null) return this.existsStmt.get(id) !== undefined;
    return this.partyStmt.get(scope.kind, scope.partyId, id) !== undefined;
  }

  listUsers(role?: Role): UserListRow[] {
    const rows = role === undefined ? this.usersStmt.all() : this.usersByRoleStmt.all(role);
    return rows.map((row) => ({
      ...toUserRow(row),
      ...(row.delegation_id !== null ? { delegationId: row.delegation_id } : {}),
      ...(row.phone !== null ? { phone: row.phone } : {}),
      active: row.active === 1,
    }));
  }

  getUser(id: string): UserRow | null {
    const row = this.userStmt.get(id);
    return row ? toUserRow(row) : null;
  }

  listUnits(): UnitRow[] {
    return this.unitsStmt.all();
  }

  listDelegations(): DelegationRow[] {
    return this.delegationsStmt.all().map((row) => ({ id: row.id, name: row.name, ...(row.head_deputy_id !== null ? { headDeputyId: row.head_deputy_id } : {}) }));
  }

  /** Every session, the latest first. */
  listSessions(): SessionRow[] {
    return this.sessionsStmt.all().map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      startsOn: row.starts_on,
      ...(row.ends_on !== null ? { endsOn: row.ends_on } : {}),
      closed: row.closed === 1,
      ...(row.assign_on !== null ? { assignOn: row.assign_on } : {}),
    }));
  }

  getUnit(id: string): UnitRow | null {
    return this.unitStmt.get(id) ?? null;
  }

  /** Per unit, for assignments in [from, to) (either end open); `now` decides what is overdue. */
  unitStats(query: UnitStatsQuery): readonly UnitStats[] {
    return this.unitStatsQueries.unitStats(query);
  }

  overview(query: UnitStatsQuery): Overview {
    return this.unitStatsQueries.overview(query);
  }

  /** 代表团 figures for a scope (suggestions by session or by submission time). */
  delegationStats(query: UnitStatsQuery): DelegationStats[] {
    return this.delegationStatsQueries.delegationStats(query, query.now);
  }

  /** Every key suggestion, or one page of them; the coverage always counts all. */
  keySupervision(now: string, page?: KeySupervisionPage, scope?: StatsScope): KeySupervisionReport {
    return this.keySupervisionQueries.keySupervision(now, page, scope);
  }

  commitments(query: CommitmentQuery): CommitmentLedger {
    return this.commitmentQueries.commitments(query);
  }

  deputyCommitmentReport(deputyId: string, year: number, now: string): DeputyCommitmentReport {
    return this.commitmentQueries.deputyCommitmentReport(deputyId, year, now);
  }

  deputyArchive(deputyId: string, now: string): DeputyArchive {
    return this.deputyArchiveQueries.deputyArchive(deputyId, now);
  }

  inbox(viewer: Viewer, page: InboxPage): Inbox {
    return this.inboxQueries.inbox(viewer, page);
  }

  missingNotifications(ids: readonly string[]): string[] {
    return this.inboxQueries.missingNotifications(ids);
  }

  publishedSuggestions(query: PublishedSuggestionQuery): PublishedSuggestionList {
    return this.publishedQueries.publishedSuggestions(query);
  }

  /** Null when the suggestion does not exist, is not published, or is exempt. */
  publishedSuggestion(id: string): PublishedSuggestion | null {
    return this.publishedQueries.publishedSuggestion(id);
  }

  /**
   * Suggestions whose next reminder or miss is due at `now` (the scheduler sends each RecordDeadlines),
   * earliest first. A suggestion stays here until what it was woken for is recorded.
   */
  /**
   * Suggestions that may still owe something by a computed due time (accepted, being handled,
   * answered or re-handled): those whose deadlines a newly loaded holiday notice may move.
   */
  suggestionsWithOpenDeadlines(): string[] {
    return (this.openDeadlinesStmt ??= this.db.prepare(`SELECT id FROM suggestions WHERE status IN ('accepted', 'assigned', 'answered', 'rehandling') ORDER BY id`))
      .all()
      .map((row) => (row as { id: string }).id);
  }

  dueForScheduler(now: string, limit = 200): string[] {
    return this.dueStmt.all(toIsoInstant(now), Math.max(1, Math.floor(limit))).map((row) => row.id);
  }

  private total(how: Extract<ListSql, { kind: 'query' }>['total']): number {
    switch (how.kind) {
      case 'status_counts':
        return (how.status === undefined ? this.allCountStmt.get() : this.statusCountStmt.get(how.status))!.total;
      case 'count':
      case 'in_page':
        return (this.statement(how.sql).get(...how.params) as { total: number }).total;
      default:
        return assertNever(how, 'list total');
    }
  }

  private statement(sql: string): Statement {
    let stmt = this.listStatements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.listStatements.set(sql, stmt);
    }
    return stmt;
  }
}

/** What the queries read of the service's rules: due levels, and the scheme the statistics count by. */
export type QueryRules = DueRules & { rulebook: Pick<Rulebook, 'remindBefore' | 'answerCategories'> };

let nationalDueRules: QueryRules | undefined;
/** Built once: a calendar precomputes its years. */
function defaultDueRules(): QueryRules {
  return (nationalDueRules ??= { rulebook: NATIONAL_RULEBOOK, calendar: createWorkingCalendar() });
}

function openExisting(path: string): ReadModelDatabase {
  const db = new Database(path, { fileMustExist: true });
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== READ_MODEL_SCHEMA_VERSION) {
    db.close();
    throw new Error(`read model ${path} has schema version ${version}, expected ${READ_MODEL_SCHEMA_VERSION}: start the projector first`);
  }
  return db;
}

function toUserRow(row: UserDbRow): UserRow {
  const user: UserRow = { id: row.id, displayName: row.display_name, role: row.role };
  if (row.unit_id !== null) user.unitId = row.unit_id;
  return user;
}
