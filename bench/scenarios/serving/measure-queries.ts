import { fork } from 'node:child_process';
import * as path from 'node:path';
import type { QueryJob, QueryStats } from './query-loop';

export type { QueryStats } from './query-loop';

/**
 * Sends the paths one after another on one kept-alive connection (the latency of a query, not of
 * a queue of them), from a client in a process of its own: the bench's process has held a
 * rebuild's states and other scenarios' garbage, and its collector's pauses would be counted as
 * the server's latency. A warm-up pass over the first paths is not counted.
 */
export function measureQueries(baseUrl: string, token: string, paths: readonly string[], warmup: number, budgetMs: number): Promise<QueryStats> {
  const job: QueryJob = { baseUrl, token, paths, warmup, budgetMs };
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'query-client.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answered = false;
    child.once('message', (stats: QueryStats) => {
      answered = true;
      resolve(stats);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`the query client exited with code ${code} before it answered`));
    });
    child.send(job);
  });
}

export function describeQueryStats(s: QueryStats): string {
  return (
    `${s.requests} requests, p50 ${s.p50Ms.toFixed(2)} ms, p99 ${s.p99Ms.toFixed(2)} ms, max ${s.maxMs.toFixed(1)} ms` +
    (s.failures > 0 ? `; ${s.failures} failed, first: ${s.firstFailure}` : '')
  );
}
