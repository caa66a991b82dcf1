import * as fs from 'node:fs';
import * as path from 'node:path';
import { createProgress } from '../harness/progress';
import { generateDataset, GenerateReport } from '../generator/generate-dataset';
import { defaultDomainContext } from '../generator/open-generation-context';
import { SqliteEventStore } from '../harness/product';
import { removeDb } from '../harness/scratch';
import { nowMs } from '../harness/measure';

/** Bump when the content model changes: a cached data set of an older version is regenerated. */
export const GENERATOR_VERSION = 2;
export const DATASET_SEED = 'duban-bench-1';
export const DATASET_END = '2026-11-01T00:00:00.000Z';

export type DatasetSummary = Omit<GenerateReport, 'organisation'> & {
  generatorVersion: number;
  seed: string;
  generatedSeconds: number;
};

export interface DatasetHandle {
  eventsPath: string;
  summary: DatasetSummary;
  /** Whether a matching data set from an earlier run was used instead of generating one. */
  reused: boolean;
}

/**
 * The generated data set for S4/S6/S7, kept between runs in the data folder: generating 1M
 * events is minutes of the run, and it is the same data every time (seeded). Nothing writes to
 * this file afterwards; scenarios that start the api work on a copy.
 */
export async function ensureDataset(
  dataDir: string,
  suggestions: number,
  fresh: boolean,
  log: (line: string) => void,
): Promise<DatasetHandle> {
  fs.mkdirSync(dataDir, { recursive: true });
  const eventsPath = path.join(dataDir, `dataset-v${GENERATOR_VERSION}-${suggestions}.sqlite`);
  const summaryPath = `${eventsPath}.json`;
  if (!fresh && fs.existsSync(eventsPath) && fs.existsSync(summaryPath)) {
    const summary = JSON.parse(fs.readFileSync(summaryPath, 'utf8')) as DatasetSummary;
    if (summary.generatorVersion === GENERATOR_VERSION && summary.seed === DATASET_SEED && summary.endAt === DATASET_END) {
      log(`data set: reusing ${eventsPath} (${summary.suggestions} suggestions, ${summary.events} events, seed ${summary.seed})`);
      return { eventsPath, summary, reused: true };
    }
  }
  removeDb(eventsPath);
  fs.rmSync(summaryPath, { force: true });
  log(`data set: generating ${suggestions} suggestions into ${eventsPath} (seed ${DATASET_SEED}, through the product's SqliteEventStore)`);
  const store = new SqliteEventStore({ path: eventsPath });
  const bar = createProgress('generate', suggestions, 'suggestions', ' | {events} events');
  const started = nowMs();
  let report: GenerateReport;
  try {
    report = await generateDataset({
      suggestions,
      seed: DATASET_SEED,
      endIso: DATASET_END,
      store,
      ctx: defaultDomainContext(),
      parallel: true,
      onProgress: (p) => bar.update(p.suggestions, { events: p.events }),
    });
  } finally {
    bar.stop();
    await store.close();
  }
  const { organisation: _organisation, ...rest } = report;
  const summary: DatasetSummary = {
    ...rest,
    generatorVersion: GENERATOR_VERSION,
    seed: DATASET_SEED,
    generatedSeconds: (nowMs() - started) / 1000,
  };
  fs.writeFileSync(summaryPath, JSON.stringify(summary, null, 2));
  log(
    `data set: ${summary.suggestions} suggestions, ${summary.events} events ` +
      `(${((summary.events - summary.accountEvents) / summary.suggestions).toFixed(1)} per suggestion) in ${summary.generatedSeconds.toFixed(0)} s`,
  );
  return { eventsPath, summary, reused: false };
}
