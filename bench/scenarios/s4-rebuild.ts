import * as fs from 'node:fs';
import * as os from 'node:os';
import type { RebuildSplit } from '@duban/read-models';
import { createProgress, Progress } from '../harness/progress';
import { plainReadAll } from '../anchors/plain-read';
import { makeRow } from '../harness/bench-row';
import { nowMs, throughput, Throughput } from '../harness/measure';
import { rebuildReadModels, SqliteEventStore } from '../harness/product';
import { removeDb } from '../harness/scratch';
import { Scenario, ScenarioContext } from './scenario';

/**
 * Rebuilds the read model of the shared data set into `readModelPath`, with a progress bar; with
 * `split`, also where the time went (the clock reads cost well under 1 % of it).
 */
export async function rebuildSharedReadModel(
  eventsPath: string,
  readModelPath: string,
  split = false,
): Promise<Throughput & { split?: RebuildSplit }> {
  removeDb(readModelPath);
  const store = new SqliteEventStore({ path: eventsPath });
  let bar: Progress | null = null;
  try {
    const total = Number((await store.headPosition())?.commit ?? 0n);
    bar = createProgress('rebuild', total, 'events');
    const t0 = nowMs();
    const result = await rebuildReadModels(store, readModelPath, { split, onProgress: (p) => bar?.update(p.eventsDone) });
    return { ...throughput(result.events, (nowMs() - t0) / 1000), ...(result.split ? { split: result.split } : {}) };
  } finally {
    bar?.stop();
    await store.close();
  }
}

/** The data set's read model, rebuilt once per run (by S4, or on demand by S6/S7). */
export async function sharedReadModel(ctx: ScenarioContext): Promise<string> {
  const dataset = await ctx.dataset();
  const path = ctx.scratch.path('dataset-read-model.sqlite');
  if (ctx.shared.readModelFor !== dataset.eventsPath || !fs.existsSync(path)) {
    ctx.log('read model: rebuilding it from the data set (not measured here)');
    await rebuildSharedReadModel(dataset.eventsPath, path);
    ctx.shared.readModelFor = dataset.eventsPath;
  }
  return path;
}

export const s4Rebuild: Scenario = {
  id: 'S4',
  title: 'rebuild all read models from the generated events',
  async run(ctx) {
    const dataset = await ctx.dataset();
    const s = dataset.summary;
    ctx.log(
      `data: ${s.suggestions} suggestions, ${s.events} events (${s.accountEvents} account events), seed ${s.seed}, ` +
        `generated ${dataset.reused ? 'by an earlier run' : 'now'}`,
    );
    ctx.log(
      'durability: reads the store through SqliteEventStore.scanAll (accounts, inboxes, sessions, delegations: global order) and ' +
        'scanStreams (suggestions, stream by stream), pages read ahead on a thread of their own; rebuildReadModels writes a new ' +
        "read-model file in the library's bulk mode (on a second thread when the machine has more than one core) and swaps it in only when complete",
    );
    // Warm the page cache for both sides: the first reader of a cold file would pay for the other.
    plainReadAll(dataset.eventsPath);
    const readModelPath = ctx.scratch.path('dataset-read-model.sqlite');
    const product = await rebuildSharedReadModel(dataset.eventsPath, readModelPath, true);
    const productLoad = loadAverage();
    ctx.shared.readModelFor = dataset.eventsPath;
    const t0 = nowMs();
    const plain = plainReadAll(dataset.eventsPath);
    const anchor = throughput(plain.rows, (nowMs() - t0) / 1000);
    ctx.log(`product: rebuildReadModels applied ${product.operations} events in ${product.seconds.toFixed(1)} s (load average ${productLoad})`);
    if (product.split) for (const line of describeSplit(product.split)) ctx.log(line);
    ctx.log(`anchor: read and JSON-parsed ${anchor.operations} rows in ${anchor.seconds.toFixed(1)} s (load average ${loadAverage()})`);
    return [
      makeRow({
        scenario: 'S4',
        measure: `rebuild read models, ${(s.events / 1e6).toFixed(2)}M events`,
        figure: product.perSecond,
        unit: 'events/s',
        anchor: anchor.perSecond,
        anchorName: 'plain read + JSON.parse',
        floors: [
          { kind: 'figure_min', value: 100_000 },
          { kind: 'ratio_min', value: 0.6 },
        ],
      }),
    ];
  },
};

/** The split as log lines: seconds per phase of each thread, and the peak memory. */
export function describeSplit(split: RebuildSplit): string[] {
  const s = (ms: number | null): string => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
  const mib = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MiB`;
  return [
    `split (${split.order} order), main thread: read wait ${s(split.readWaitMs)}, parse ${s(split.parseMs)}, fold ${s(split.foldMs)}, ` +
      `deadline bookkeeping ${s(split.deadlinesMs)}, views (notifications, routing) ${s(split.viewsMs)}, rows ${s(split.rowsMs)}, ` +
      `waiting for the writer ${s(split.writerWaitMs)}, final index build ${s(split.indexMs)}, other ${s(split.otherMs)}; total ${s(split.totalMs)}`,
    `split, beside it: read-ahead thread (SQLite read + text decoding) ${s(split.readerThreadMs)}, writer thread (SQLite writes) ${s(split.writerThreadMs)}`,
    `memory: peak RSS ${mib(split.peakRssBytes)}, peak V8 heap ${mib(split.peakHeapBytes)} (sampled after every page)`,
  ];
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}
