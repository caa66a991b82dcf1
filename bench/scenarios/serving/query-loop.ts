import * as http from 'node:http';
import { nowMs, percentile } from '../../harness/measure';
import { timedGet } from '../../harness/timed-get';
export interface QueryStats {
  requests: number;
  failures: number;
  /** First failure's status and body, to say why. */
  firstFailure?: string;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** The paths to send and the limits of one measurement. */
export interface QueryJob {
  baseUrl: string;
  token: string;
  paths: readonly string[];
  /** The first paths sent this many times without being counted. */
  warmup: number;
  /** Stops early after this long: a slow endpoint must not hold the run for an hour. */
  budgetMs: number;
}

/**
 * Sends the paths one after another on one kept-alive connection: the latency of a query, not
 * of a queue of them. A warm-up pass over the first paths is not counted.
 */
export async function runQueries({ baseUrl, token, paths, warmup, budgetMs }: QueryJob): Promise<QueryStats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const stopAt = nowMs() + budgetMs;
    for (const p of paths.slice(0, warmup)) {
      if (nowMs() > stopAt) break;
      await timedGet(agent, baseUrl + p, token);
    }
    const times: number[] = [];
    let failures = 0;
    let sent = 0;
    let firstFailure: string | undefined;
    for (const p of paths) {
      if (nowMs() > stopAt && sent >= 20) break;
      sent += 1;
      const res = await timedGet(agent, baseUrl + p, token);
      if (res.status !== 200) {
        failures += 1;
        firstFailure ??= `${p} → ${res.status} ${res.body.slice(0, 200)}`;
        continue;
      }
      times.push(res.ms);
    }
    return {
      requests: sent,
      failures,
      ...(firstFailure !== undefined ? { firstFailure } : {}),
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      maxMs: times.length > 0 ? Math.max(...times) : Number.NaN,
    };
  } finally {
    agent.destroy();
  }
}
