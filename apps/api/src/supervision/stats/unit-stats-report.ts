import { Inject, Injectable } from '@nestjs/common';
import type { Rulebook } from '@duban/domain';
import type { ReadModelQueries, UnitStats } from '@duban/read-models';
import type { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../clock/clock';
import { READ_MODEL_QUERIES, RULEBOOK } from '../../infrastructure/tokens';
import { categoryLegend, type CategoryLegendEntry } from './category-legend';
import { unitScope } from '../supervision-scope';
import { scopeOf, type SupervisionPeriod } from '../period/period';

export type { UnitStats };

/** The period echoed (SupervisionPeriod), then the figures. */
export interface UnitStatsReport {
  sessionId: string | null;
  year: number | null;
  from: string | null;
  to: string | null;
  generatedAt: string;
  /** The answer categories each unit's `byCategory` counts, with the rulebook's label of each. */
  answerCategories: CategoryLegendEntry[];
  units: UnitStats[];
}

/** Per-unit figures for a period, limited to the caller's unit for a unit account (JSON and spreadsheet alike). */
@Injectable()
export class UnitStatsReports {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(RULEBOOK) private readonly rulebook: Rulebook,
  ) {}

  /** The units' figures as UTF-8 JSON, per counted answer (the queries answer the same array while it is still right). */
  private readonly unitsJson = new WeakMap<readonly UnitStats[], Buffer>();

  build(user: AuthUser, period: SupervisionPeriod): UnitStatsReport {
    const onlyUnit = unitScope(user, undefined);
    const now = this.clock.nowIso();
    const units = this.queries.unitStats({ ...scopeOf(period), now }).filter((u) => onlyUnit === undefined || u.unitId === onlyUnit);
    return { ...period, generatedAt: now, answerCategories: categoryLegend(this.rulebook, units), units };
  }

  /**
   * The same report as UTF-8 JSON, in parts to write one after the other. Staff and supervisors
   * read the same statistics page over and over: its ~65 KB of unit figures are serialised and
   * encoded once per counted answer, and sent from that buffer, instead of building, encoding and
   * hashing (Express's ETag) a new 65 KB string on every request.
   */
  jsonParts(user: AuthUser, period: SupervisionPeriod): Buffer[] {
    const onlyUnit = unitScope(user, undefined);
    const now = this.clock.nowIso();
    const all = this.queries.unitStats({ ...scopeOf(period), now });
    let units: Buffer;
    if (onlyUnit !== undefined) units = Buffer.from(JSON.stringify(all.filter((u) => u.unitId === onlyUnit)));
    else {
      units = this.unitsJson.get(all) ?? Buffer.from(JSON.stringify(all));
      this.unitsJson.set(all, units);
    }
    // Same keys in the same order as build(): the two answers are interchangeable.
    const head = `${JSON.stringify({ ...period, generatedAt: now, answerCategories: categoryLegend(this.rulebook, all) }).slice(0, -1)},"units":`;
    return [Buffer.from(head), units, CLOSE_BRACE];
  }
}

const CLOSE_BRACE = Buffer.from('}');
