import { createOrganisation, Organisation } from './organisation';
import { Prng } from './prng';
import { DAY_MS, parseIsoMs } from './sim-time';

/** Suggestions a year: about a provincial-to-national session's load, so 100k span three years. */
const PER_YEAR = 35_000;

export interface SubmissionSeed {
  id: string;
  submittedAtMs: number;
}

/** Everything drawn up front from the seed; the main thread and a simulation worker draw it alike. */
export interface DatasetPlan {
  org: Organisation;
  seeds: SubmissionSeed[];
  endMs: number;
  accountsPrng: Prng;
  historiesPrng: Prng;
}

/** The forks are taken in a fixed order: changing it changes every generated data set. */
export function planDataset(seed: string, suggestions: number, endIso: string): DatasetPlan {
  const root = new Prng(seed);
  const endMs = parseIsoMs(endIso);
  const org = createOrganisation(root.fork('organisation'), suggestions);
  const seeds = submissionSeeds(root.fork('submissions'), suggestions, endMs);
  const accountsPrng = root.fork('accounts');
  const historiesPrng = root.fork('histories');
  return { org, seeds, endMs, accountsPrng, historiesPrng };
}

/**
 * Submission times, oldest first. Most suggestions come during the annual session (mid-January);
 * the rest through the year (闭会期间). The last year ends at `endMs`, so its later suggestions
 * are still being handled when the data set stops.
 */
function submissionSeeds(prng: Prng, count: number, endMs: number): SubmissionSeed[] {
  const years = Math.max(1, Math.ceil(count / PER_YEAR));
  const endYear = new Date(endMs).getUTCFullYear();
  const seeds: SubmissionSeed[] = [];
  for (let i = 0; i < count; i++) {
    const year = endYear - prng.int(0, years - 1);
    const yearStart = Date.UTC(year, 0, 1);
    const offsetDays = prng.chance(0.7) ? 7 + prng.next() * 13 : 31 + prng.next() * 300;
    const atMs = Math.min(yearStart + offsetDays * DAY_MS + prng.int(1, 9) * 3_600_000, endMs - DAY_MS);
    seeds.push({ id: prng.uuid(), submittedAtMs: atMs });
  }
  return seeds.sort((a, b) => a.submittedAtMs - b.submittedAtMs);
}
