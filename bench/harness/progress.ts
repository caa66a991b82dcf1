import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  update(value: number, payload?: Record<string, number>): void;
  stop(): void;
}

/**
 * A cli-progress bar on a terminal. Elsewhere (CI, `| tee`) cli-progress prints nothing, and its
 * timer-driven fallback starves while a synchronous rebuild holds the event loop, so a plain
 * line is printed from update() itself, at most every ten seconds.
 */
export function createProgress(label: string, total: number, unit: string, payloadFormat = ''): Progress {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit}${payloadFormat} | {eta_formatted} left`, hideCursor: true },
      Presets.shades_classic,
    );
    const initial = Object.fromEntries([...payloadFormat.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, 0]));
    bar.start(total, 0, initial);
    return { update: (value, payload) => bar.update(value, payload), stop: () => bar.stop() };
  }
  let lastPrint = 0;
  const started = Date.now();
  return {
    update(value, payload) {
      const now = Date.now();
      if (now - lastPrint < 10_000 && value < total) return;
      lastPrint = now;
      const extra = payload ? ' ' + Object.entries(payload).map(([k, v]) => `${v} ${k}`).join(', ') : '';
      process.stderr.write(`${label}: ${value}/${total} ${unit}${extra} (${Math.round((now - started) / 1000)} s)\n`);
    },
    stop() {},
  };
}
