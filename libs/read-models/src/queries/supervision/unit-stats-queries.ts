import { SUGGESTION_STATUSES, type SuggestionStatus } from '@duban/domain';
import type { Statement } from 'better-sqlite3';
import { toIsoInstant } from '../../projection/iso-instant';
import { shanghaiDay, shanghaiMidnight } from '../../projection/shanghai-day';
import { addInto, CATEGORY_COLUMNS, COUNTED_CATEGORIES, emptyStats, HANDLING_STAT_COLUMNS, STAT_COLUMNS, STAT_INDEX, type StatVector } from '../../projection/supervision/stat-vector';
import type { ReadModelDatabase } from '../../schema/open-read-model';
import type { Overview, Rate, StatsFigures, UnitStats, UnitStatsQuery } from '../../supervision/supervision.types';
import { planPeriod, type PeriodPlan } from './period-plan';
import { rate } from './rate';
import { ReadModelVersion } from '../read-model-version';
import { StatementCache } from './statement-cache';
import { SESSION_ASSIGNED_SUGGESTIONS_SQL, SESSION_COMMITMENTS_SQL, SESSION_HANDLINGS_SQL, SESSION_STATUS_SQL } from './session-stats-sql';

/** Sorts after every instant: an open end of a period. */
const END_OF_TIME = '\uffff';

type SumRow = { unit_id: string } & Record<string, number>;

/**
 * Unit statistics from maintained tables only: the countable figures are sums over a few bucket
 * rows per unit (plus the rows of partial days at a period's edges); what depends on `now`
 * (overdue answers and commitments) is counted from partial indexes that hold only open ones.
 */
export class UnitStatsQueries {
  private readonly statements: StatementCache;
  private readonly partialHandlingsStmt: Statement<[string, string], SumRow>;
  private readonly partialCommitmentsStmt: Statement<[string, string], SumRow>;
  private readonly overdueAnswersStmt: Statement<[string, string, string], { unit_id: string; n: number }>;
  private readonly overdueEdgeCommitmentsStmt: Statement<[string, string, string], { unit_id: string; n: number }>;
  private readonly overdueThisMonthStmt: Statement<[string, string, string, string], { unit_id: string; n: number }>;
  private readonly unitsStmt: Statement<[], { id: string; name: string }>;
  private readonly statusCountsStmt: Statement<[], { status: string; n: number }>;
  private readonly statusInRangeStmt: Statement<[string, string], { status: string; n: number }>;
  private readonly assignedSuggestionsStmt: Statement<[string, string], number>;
  private readonly nextOpenDueStmt: Statement<[string], string | null>;
  private readonly nextCommitmentDueStmt: Statement<[string], string | null>;
  private readonly version: ReadModelVersion;
  /** What does not depend on the exact `now`, per period and month of `now`, until the read model changes. */
  private settled: { version: string; byKey: Map<string, SettledCounts> } = { version: '', byKey: new Map() };
  /** Whole answers per period, until the read model changes or `now` passes the next due time that would change them. */
  private answers: { version: string; byKey: Map<string, CachedAnswer> } = { version: '', byKey: new Map() };

  constructor(
    db: ReadModelDatabase,
    /** The codes of the answer-category scheme in force, in its order: each is in every unit's byCategory. */
    private readonly categoryCodes: readonly string[] = ['A', 'B', 'C', 'D'],
  ) {
    this.statements = new StatementCache(db);
    this.version = new ReadModelVersion(db);
    this.partialHandlingsStmt = db.prepare(`
      SELECT unit_id, ${HANDLING_STAT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
        FROM unit_handlings WHERE assigned_at >= ? AND assigned_at < ? GROUP BY unit_id`);
    this.partialCommitmentsStmt = db.prepare(`
      SELECT unit_id, count(*) AS commitments_made, count(fulfilled_at) AS commitments_fulfilled
        FROM commitments WHERE assigned_at >= ? AND assigned_at < ? GROUP BY unit_id`);
    // INDEXED BY: without statistics the planner would rather scan every assignment of the period.
    // Answers owed are few (only suggestions being handled), so counting them off the index is cheap.
    this.overdueAnswersStmt = db.prepare(`
      SELECT unit_id, count(*) AS n FROM unit_handlings INDEXED BY unit_handlings_open_by_due
       WHERE open_due IS NOT NULL AND open_due < ? AND assigned_at >= ? AND assigned_at < ? GROUP BY unit_id`);
    // Unfulfilled commitments pile up over the years: only the partial days of a period and the
    // current month are counted off rows, the rest comes from open_commitment_buckets.
    this.overdueEdgeCommitmentsStmt = db.prepare(`
      SELECT unit_id, count(*) AS n FROM commitments INDEXED BY commitments_by_assigned
       WHERE fulfilled_at IS NULL AND assigned_at >= ? AND assigned_at < ? AND due_at < ? GROUP BY unit_id`);
    this.overdueThisMonthStmt = db.prepare(`
      SELECT unit_id, count(*) AS n FROM commitments INDEXED BY commitments_open_by_due
       WHERE fulfilled_at IS NULL AND due_at >= ? AND due_at < ? AND assigned_at >= ? AND assigned_at < ? GROUP BY unit_id`);
    this.unitsStmt = db.prepare(`SELECT id, name FROM units`);
    this.statusCountsStmt = db.prepare(`SELECT status, n FROM status_counts`);
    // A span counts suggestions by when they were submitted (suggestions_by_submitted).
    this.statusInRangeStmt = db.prepare(
      `SELECT status, count(*) AS n FROM suggestions WHERE submitted_at >= ? AND submitted_at < ? GROUP BY status`,
    );
    // The suggestions behind the unit assignments counted for the same span (off unit_handlings_by_assigned).
    this.assignedSuggestionsStmt = db
      .prepare<[string, string], number>(
        `SELECT count(DISTINCT suggestion_id) FROM unit_handlings WHERE assigned = 1 AND assigned_at >= ? AND assigned_at < ?`,
      )
      .pluck();
    // The first due time at or after now among what is still owed: until then, "overdue now" cannot change.
    this.nextOpenDueStmt = db
      .prepare<[string], string | null>(
        `SELECT min(open_due) FROM unit_handlings INDEXED BY unit_handlings_open_by_due WHERE open_due IS NOT NULL AND open_due >= ?`,
      )
      .pluck();
    this.nextCommitmentDueStmt = db
      .prepare<[string], string | null>(
        `SELECT min(due_at) FROM commitments INDEXED BY commitments_open_by_due WHERE fulfilled_at IS NULL AND due_at >= ?`,
      )
      .pluck();
  }

  /**
   * Every registered unit (zeros included) and any other unit ever assigned, by unit id.
   * The same array is answered again while it is still right (nothing written, no due time passed
   * since it was counted): callers must not change it.
   */
  unitStats(query: UnitStatsQuery): readonly UnitStats[] {
    const version = this.version.current();
    if (version !== this.answers.version) this.answers = { version, byKey: new Map() };
    const now = toIsoInstant(query.now);
    const key = periodKey(query);
    const cached = this.answers.byKey.get(key);
    if (cached && cached.countedAt <= now && now <= cached.lastValid) return cached.units;

    const counted = query.sessionId !== undefined ? this.countSession(query.sessionId, now) : this.count(query, version);
    const names = new Map(this.unitsStmt.all().map((u) => [u.id, u.name]));
    const unitIds = new Set([...names.keys(), ...counted.keys()]);
    const units = [...unitIds].sort().map((unitId) => {
      const unit = counted.get(unitId) ?? zeroCounts();
      return { unitId, unitName: names.get(unitId) ?? unitId, ...figures(unit, this.categoryCodes) };
    });
    if (this.answers.byKey.size >= MAX_SETTLED_PERIODS) this.answers.byKey.delete(this.answers.byKey.keys().next().value!);
    this.answers.byKey.set(key, { countedAt: now, lastValid: this.lastValidAfter(now), units });
    return units;
  }

  /**
   * The scope's suggestions per status (件), how many of them are assigned, and every unit's figures
   * for the same scope added up (单位次): the cards and charts of one page count the same things.
   */
  overview(query: UnitStatsQuery): Overview {
    const byStatus = Object.fromEntries(SUGGESTION_STATUSES.map((s) => [s, 0])) as Record<SuggestionStatus, number>;
    const from = query.from === undefined ? '' : toIsoInstant(query.from);
    const to = query.to === undefined ? END_OF_TIME : toIsoInstant(query.to);
    const ranged = query.from !== undefined || query.to !== undefined;
    const session = query.sessionId;
    const statusRows =
      session !== undefined
        ? (this.statements.get(SESSION_STATUS_SQL).all(session) as { status: string; n: number }[])
        : ranged
          ? this.statusInRangeStmt.all(from, to)
          : this.statusCountsStmt.all();
    for (const row of statusRows) if (row.status in byStatus) byStatus[row.status as SuggestionStatus] = row.n;
    const total = zeroCounts();
    const counted = session !== undefined ? this.countSession(session, toIsoInstant(query.now)) : this.count(query, this.version.current());
    for (const unit of counted.values()) {
      addInto(total.stats, unit.stats);
      total.overdueAnswers += unit.overdueAnswers;
      total.overdueCommitments += unit.overdueCommitments;
    }
    const suggestions = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
    const assignedSuggestions =
      session !== undefined
        ? ((this.statements.get(SESSION_ASSIGNED_SUGGESTIONS_SQL).pluck().get(session) as number | undefined) ?? 0)
        : (this.assignedSuggestionsStmt.get(from, to) ?? 0);
    return { byStatus, suggestions, assignedSuggestions, totals: figures(total, this.categoryCodes) };
  }

  /**
   * The last instant at which figures counted at `now` still hold: overdue counts move only when now
   * passes the due time of something still owed, and the settled part only at the end of now's month.
   * Counting uses `due < now`, so at the due time itself nothing has changed yet.
   */
  private lastValidAfter(now: string): string {
    const month = shanghaiDay(now).slice(0, 7);
    const monthEnds = shanghaiMidnight(`${nextMonth(month)}-01`);
    // Just before the next month starts: at that instant the settled part is keyed by another month.
    let last = new Date(Date.parse(monthEnds) - 1).toISOString();
    for (const next of [this.nextOpenDueStmt.get(now), this.nextCommitmentDueStmt.get(now)]) {
      if (next !== null && next !== undefined && next < last) last = next;
    }
    return last;
  }

  /** One session's suggestions and everything assigned, answered and promised on them. */
  private countSession(sessionId: string, now: string): Map<string, UnitCounts> {
    const units = new Map<string, UnitCounts>();
    const unit = (unitId: string) => {
      let counts = units.get(unitId);
      if (!counts) units.set(unitId, (counts = zeroCounts()));
      return counts;
    };
    for (const row of this.statements.get(SESSION_HANDLINGS_SQL).all(now, sessionId) as (SumRow & { overdue_answers: number })[]) {
      const counts = unit(row.unit_id);
      addRow(counts.stats, row);
      counts.overdueAnswers = row.overdue_answers;
    }
    for (const row of this.statements.get(SESSION_COMMITMENTS_SQL).all(now, sessionId) as (SumRow & { overdue_commitments: number })[]) {
      const counts = unit(row.unit_id);
      addRow(counts.stats, row);
      counts.overdueCommitments = row.overdue_commitments;
    }
    return units;
  }

  private count(query: UnitStatsQuery, version: string): Map<string, UnitCounts> {
    const now = toIsoInstant(query.now);
    const from = query.from === undefined ? '' : toIsoInstant(query.from);
    const to = query.to === undefined ? END_OF_TIME : toIsoInstant(query.to);
    const nowMonth = shanghaiDay(now).slice(0, 7);
    const monthStart = shanghaiMidnight(`${nowMonth}-01`);
    const settled = this.settledCounts(query, version, from, to, nowMonth, monthStart);
    // Copies: the settled counts are kept for the next request.
    const units = new Map<string, UnitCounts>();
    for (const [unitId, counts] of settled) units.set(unitId, { stats: [...counts.stats], overdueAnswers: 0, overdueCommitments: counts.overdueCommitments });
    const unit = (unitId: string) => {
      let counts = units.get(unitId);
      if (!counts) units.set(unitId, (counts = zeroCounts()));
      return counts;
    };
    for (const row of this.overdueAnswersStmt.all(now, from, to)) unit(row.unit_id).overdueAnswers = row.n;
    for (const row of this.overdueThisMonthStmt.all(monthStart, now, from, to)) unit(row.unit_id).overdueCommitments += row.n;
    return units;
  }

  /**
   * The counts that stay the same all month for a period: the statistics buckets and the
   * commitments already overdue before now's month. Statistics pages are read over and over while
   * nothing changes; these are recomputed only after the read model has been written.
   */
  private settledCounts(query: UnitStatsQuery, version: string, from: string, to: string, nowMonth: string, monthStart: string): SettledCounts {
    if (version !== this.settled.version) this.settled = { version, byKey: new Map() };
    const key = `${from}|${to}|${nowMonth}`;
    const cached = this.settled.byKey.get(key);
    if (cached) return cached;

    const plan = planPeriod(query.from, query.to);
    const units: SettledCounts = new Map();
    const unit = (unitId: string) => {
      let counts = units.get(unitId);
      if (!counts) units.set(unitId, (counts = zeroCounts()));
      return counts;
    };
    for (const row of this.bucketSums(plan)) addRow(unit(row.unit_id).stats, row);
    for (const range of plan.partials) {
      for (const row of this.partialHandlingsStmt.all(range.from, range.to)) addRow(unit(row.unit_id).stats, row);
      for (const row of this.partialCommitmentsStmt.all(range.from, range.to)) addRow(unit(row.unit_id).stats, row);
    }
    // Overdue = unfulfilled and due before now: due in an earlier month (buckets, or the rows of the
    // period's partial days) is settled here; due earlier in now's own month is counted per request.
    for (const row of this.openCommitmentSums(plan, nowMonth)) unit(row.unit_id).overdueCommitments += row.n;
    for (const range of plan.partials) {
      for (const row of this.overdueEdgeCommitmentsStmt.all(range.from, range.to, monthStart)) unit(row.unit_id).overdueCommitments += row.n;
    }
    // A handful of periods are asked for (this year, last year, a quarter): keep a few.
    if (this.settled.byKey.size >= MAX_SETTLED_PERIODS) this.settled.byKey.delete(this.settled.byKey.keys().next().value!);
    this.settled.byKey.set(key, units);
    return units;
  }

  private openCommitmentSums(plan: PeriodPlan, beforeMonth: string): { unit_id: string; n: number }[] {
    if (plan.buckets.length === 0) return [];
    const where = plan.buckets.map(() => '(kind = ? AND bucket >= ? AND bucket < ?)').join(' OR ');
    const sql = `SELECT unit_id, sum(n) AS n FROM open_commitment_buckets WHERE (${where}) AND due_month < ? GROUP BY unit_id`;
    return this.statements.get(sql).all(...plan.buckets.flatMap((b) => [b.kind, b.from, b.to]), beforeMonth) as { unit_id: string; n: number }[];
  }

  private bucketSums(plan: PeriodPlan): SumRow[] {
    if (plan.buckets.length === 0) return [];
    const where = plan.buckets.map(() => '(kind = ? AND bucket >= ? AND bucket < ?)').join(' OR ');
    const sql = `SELECT unit_id, ${STAT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ')} FROM unit_stat_buckets WHERE ${where} GROUP BY unit_id`;
    return this.statements.get(sql).all(...plan.buckets.flatMap((b) => [b.kind, b.from, b.to])) as SumRow[];
  }
}

function addRow(target: StatVector, row: Record<string, number | string>): void {
  for (const [column, value] of Object.entries(row)) {
    const index = STAT_INDEX[column as keyof typeof STAT_INDEX];
    if (index !== undefined) target[index]! += Number(value);
  }
}

function periodKey(query: UnitStatsQuery): string {
  if (query.sessionId !== undefined) return `session\u0000${query.sessionId}`;
  return `${query.from === undefined ? '' : toIsoInstant(query.from)}|${query.to === undefined ? END_OF_TIME : toIsoInstant(query.to)}`;
}

/** 'YYYY-MM' of the month after. */
function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
}

/** A period's figures as counted at `countedAt`, still right for any now up to and including `lastValid`. */
interface CachedAnswer {
  countedAt: string;
  lastValid: string;
  units: readonly UnitStats[];
}

/** Per unit; read only once cached. */
type SettledCounts = Map<string, UnitCounts>;

const MAX_SETTLED_PERIODS = 16;

interface UnitCounts {
  stats: StatVector;
  overdueAnswers: number;
  overdueCommitments: number;
}

function zeroCounts(): UnitCounts {
  return { stats: emptyStats(), overdueAnswers: 0, overdueCommitments: 0 };
}

function figures({ stats: v, overdueAnswers, overdueCommitments }: UnitCounts, categoryCodes: readonly string[]): StatsFigures {
  const answered = v[STAT_INDEX.answered]!;
  const made = v[STAT_INDEX.commitments_made]!;
  const fulfilled = v[STAT_INDEX.commitments_fulfilled]!;
  return {
    assigned: v[STAT_INDEX.assigned]!,
    answered,
    answeredOnTime: rate(v[STAT_INDEX.answered_on_time]!, answered),
    overdueNow: overdueAnswers,
    contactRate: rate(v[STAT_INDEX.contacted]!, answered),
    satisfactionRate: rate(v[STAT_INDEX.satisfied]!, v[STAT_INDEX.rated]!),
    dissatisfied: v[STAT_INDEX.dissatisfied]!,
    categories: {
      A: rate(v[STAT_INDEX.cat_a]!, answered),
      B: rate(v[STAT_INDEX.cat_b]!, answered),
      C: rate(v[STAT_INDEX.cat_c]!, answered),
      D: rate(v[STAT_INDEX.cat_d]!, answered),
    },
    byCategory: categoryRates(v, answered, categoryCodes),
    commitments: { made, fulfilled, overdue: overdueCommitments, fulfilmentRate: rate(fulfilled, made) },
    rehandlings: v[STAT_INDEX.rehandlings]!,
  };
}

/**
 * Each code of the scheme in force over the answered (a code no column counts reads 0), then any
 * counted code outside it that has answers: given under an earlier preset, they stay visible.
 */
export function categoryRates(v: StatVector, answered: number, categoryCodes: readonly string[]): Record<string, Rate> {
  const count = (code: string) => (Object.hasOwn(CATEGORY_COLUMNS, code) ? v[STAT_INDEX[CATEGORY_COLUMNS[code as keyof typeof CATEGORY_COLUMNS]]]! : 0);
  const out: Record<string, Rate> = {};
  for (const code of categoryCodes) out[code] = rate(count(code), answered);
  for (const code of COUNTED_CATEGORIES) if (!(code in out) && count(code) > 0) out[code] = rate(count(code), answered);
  return out;
}
