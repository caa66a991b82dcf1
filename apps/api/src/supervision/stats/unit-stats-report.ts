import { Inject, Injectable } from '@nestjs/common';
import type { ReadModelQueries, UnitStats } from '@duban/read-models';
import type { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../clock/clock';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { unitScope } from '../supervision-scope';
import type { Period } from './period';

export type { UnitStats };

export interface UnitStatsReport {
  from: string | null;
  to: string | null;
  generatedAt: string;
  units: UnitStats[];
}

/** Per-unit figures for a period, limited to the caller's unit for a unit account (JSON and spreadsheet alike). */
@Injectable()
export class UnitStatsReports {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The units' figures as JSON text, per counted answer (the queries answer the same array while it is still right). */
  private readonly unitsJson = new WeakMap<readonly UnitStats[], string>();

  build(user: AuthUser, period: Period): UnitStatsReport {
    const onlyUnit = unitScope(user, undefined);
    const now = this.clock.nowIso();
    const units = this.queries.unitStats({ ...period, now }).filter((u) => onlyUnit === undefined || u.unitId === onlyUnit);
    return { from: period.from ?? null, to: period.to ?? null, generatedAt: now, units };
  }

  /**
   * The same report as JSON text. Staff and supervisors read the same statistics page over and over:
   * its ~65 KB of unit figures are serialised once per counted answer instead of on every request.
   */
  json(user: AuthUser, period: Period): string {
    const onlyUnit = unitScope(user, undefined);
    const now = this.clock.nowIso();
    const all = this.queries.unitStats({ ...period, now });
    let units: string;
    if (onlyUnit !== undefined) units = JSON.stringify(all.filter((u) => u.unitId === onlyUnit));
    else {
      units = this.unitsJson.get(all) ?? JSON.stringify(all);
      this.unitsJson.set(all, units);
    }
    // Same keys in the same order as build(): the two answers are interchangeable.
    return `{"from":${JSON.stringify(period.from ?? null)},"to":${JSON.stringify(period.to ?? null)},"generatedAt":${JSON.stringify(now)},"units":${units}}`;
  }
}
