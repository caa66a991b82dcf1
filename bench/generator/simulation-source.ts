import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DatasetPlan } from './dataset-plan';
import { SimulatedSuggestion, simulateRange } from './simulated';
import { DomainContext } from './suggestion-history';

const CHUNK = 200;
const CREDIT = 4;

/** The compiled worker beside this file; absent when running from TypeScript sources (ts-jest). */
function workerScript(): string | null {
  const file = path.join(__dirname, 'simulation-worker.js');
  return __filename.endsWith('.js') && fs.existsSync(file) ? file : null;
}

/**
 * The plan's suggestions, simulated, in submission order: on a worker thread when the compiled
 * worker exists and `parallel` is asked for, else here, a chunk at a time.
 */
export async function* simulatedSuggestions(
  plan: DatasetPlan,
  ctx: DomainContext,
  source: { seed: string; suggestions: number; endIso: string; parallel: boolean },
): AsyncGenerator<SimulatedSuggestion> {
  const script = source.parallel ? workerScript() : null;
  if (script === null) {
    for (let from = 0; from < plan.seeds.length; from += CHUNK) {
      yield* simulateRange(plan, ctx, from, Math.min(from + CHUNK, plan.seeds.length));
    }
    return;
  }
  const worker = new Worker(script, { workerData: { seed: source.seed, suggestions: source.suggestions, endIso: source.endIso, chunk: CHUNK, credit: CREDIT } });
  const chunks: SimulatedSuggestion[][] = [];
  let failure: unknown = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: { from: number; results: SimulatedSuggestion[] }) => {
    chunks.push(m.results);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  let received = 0;
  try {
    while (received < plan.seeds.length) {
      const chunk = chunks.shift();
      if (chunk === undefined) {
        if (failure !== null) throw failure;
        if (exited) throw new Error(`simulation worker stopped after ${received} of ${plan.seeds.length} suggestions`);
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      worker.postMessage('more');
      received += chunk.length;
      yield* chunk;
    }
  } finally {
    await worker.terminate();
  }
}
