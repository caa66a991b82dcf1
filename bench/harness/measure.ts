/** Timing helpers. Monotonic clock only: wall-clock jumps must not bend a figure. */

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface Throughput {
  operations: number;
  seconds: number;
  perSecond: number;
}

export function throughput(operations: number, seconds: number): Throughput {
  return { operations, seconds, perSecond: seconds > 0 ? operations / seconds : 0 };
}

/** Runs `step` back to back for `ms` milliseconds; each step reports how many operations it did. */
export async function runFor(ms: number, step: () => Promise<number> | number): Promise<Throughput> {
  const start = nowMs();
  const stopAt = start + ms;
  let operations = 0;
  while (nowMs() < stopAt) operations += await step();
  return throughput(operations, (nowMs() - start) / 1000);
}

/**
 * Product and anchor take turns (product, anchor, product, anchor…) so a burst of load from
 * something else on the machine lands on both rather than on one.
 */
export async function alternate(
  rounds: number,
  product: () => Promise<Throughput>,
  anchor: () => Promise<Throughput>,
): Promise<{ product: Throughput; anchor: Throughput }> {
  const p: Throughput[] = [];
  const a: Throughput[] = [];
  for (let i = 0; i < rounds; i++) {
    p.push(await product());
    a.push(await anchor());
  }
  return { product: sumThroughputs(p), anchor: sumThroughputs(a) };
}

/** Several rounds as one: all their operations over all their time. */
export function sumThroughputs(parts: Throughput[]): Throughput {
  const operations = parts.reduce((n, t) => n + t.operations, 0);
  const seconds = parts.reduce((n, t) => n + t.seconds, 0);
  return throughput(operations, seconds);
}

/** Nearest-rank percentile of samples (any order); NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((x, y) => x - y);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
