import autocannon from 'autocannon';

export interface LoadResult {
  seconds: number;
  ok: number;
  /** Responses outside 2xx, connection errors and timeouts: any of them fails a scenario. */
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** 2xx responses per second. */
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Fixed-duration load with autocannon (64 connections, each sending its next request as soon as
 * the previous answered). Latency percentiles are autocannon's (1 ms resolution).
 */
export async function httpLoad(options: {
  url: string;
  method: 'GET' | 'POST';
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  body?: string;
}): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: options.method,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
    ...(options.body !== undefined ? { body: options.body } : {}),
    timeout: 30,
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats)) statusCodes[code] = stat.count;
  return {
    seconds: result.duration,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    perSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

export function describeLoad(r: LoadResult): string {
  return (
    `${r.ok} ok in ${r.seconds.toFixed(1)} s = ${r.perSecond.toFixed(0)}/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms` +
    (r.non2xx + r.errors + r.timeouts > 0 ? `; non-2xx ${r.non2xx} ${JSON.stringify(r.statusCodes)}, errors ${r.errors}, timeouts ${r.timeouts}` : '')
  );
}
