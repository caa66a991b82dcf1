import { SUGGESTION_STATUSES } from '@duban/domain';
import { Prng } from '../../generator/prng';
import { DatasetIds } from './dataset-server';

/** What S6 asks for: real filters a staff member or a unit uses, pages deep into big result sets. */
export function listQueries(ids: DatasetIds, count: number, prng: Prng): string[] {
  return Array.from({ length: count }, () => {
    const unit = prng.pick(ids.units);
    const status = prng.pick(SUGGESTION_STATUSES);
    return prng.weighted<() => string>([
      [() => `/api/suggestions?status=${status}&unitId=${unit}&page=1&pageSize=20`, 4],
      [() => `/api/suggestions?status=${status}&page=${prng.int(1, 50)}&pageSize=20`, 3],
      [() => `/api/suggestions?unitId=${unit}&overdue=true&page=1&pageSize=20`, 2],
      [() => `/api/suggestions?deputyId=${prng.pick(ids.deputies)}&page=1&pageSize=20`, 1],
    ])();
  });
}

export function timelineQueries(ids: DatasetIds, count: number, prng: Prng): string[] {
  return Array.from({ length: count }, () => `/api/suggestions/${prng.pick(ids.suggestions)}/timeline`);
}

/** The unit statistics endpoint: all units' figures for a year. */
export function unitStatsQueries(count: number): string[] {
  return Array.from({ length: count }, () => '/api/stats/units?from=2026-01-01&to=2026-12-31');
}

/** The api's health check: no query work, the machine's and the HTTP stack's share of a request. */
export function healthQueries(count: number): string[] {
  return Array.from({ length: count }, () => '/api/health');
}
