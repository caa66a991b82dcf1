import '../harness/register-paths';
import { parentPort, workerData } from 'node:worker_threads';
import { planDataset } from './dataset-plan';
import { defaultDomainContext } from './open-generation-context';
import { simulateRange } from './simulated';

/**
 * Simulates a data set's suggestions (decide + evolve, the CPU-heavy half of generating) on a
 * second core while the main thread writes to the store. Same plan from the same seed, so the
 * output is what the main thread would have produced itself. Sends a chunk per credit, so it
 * never runs far ahead of the writer.
 */
interface WorkerInput {
  seed: string;
  suggestions: number;
  endIso: string;
  chunk: number;
  credit: number;
}

const input = workerData as WorkerInput;
const port = parentPort!;
const plan = planDataset(input.seed, input.suggestions, input.endIso);
const ctx = defaultDomainContext();
let credit = input.credit;
let next = 0;

function pump(): void {
  while (credit > 0 && next < plan.seeds.length) {
    const to = Math.min(next + input.chunk, plan.seeds.length);
    port.postMessage({ from: next, results: simulateRange(plan, ctx, next, to) });
    next = to;
    credit -= 1;
  }
  if (next >= plan.seeds.length) port.close();
}

port.on('message', () => {
  credit += 1;
  pump();
});
pump();
