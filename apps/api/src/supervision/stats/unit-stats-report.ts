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

  build(user: AuthUser, period: Period): UnitStatsReport {
    const onlyUnit = unitScope(user, undefined);
    const now = this.clock.nowIso();
    const units = this.queries.unitStats({ ...period, now }).filter((u) => onlyUnit === undefined || u.unitId === onlyUnit);
    return { from: period.from ?? null, to: period.to ?? null, generatedAt: now, units };
  }
}
