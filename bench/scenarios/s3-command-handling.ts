import { EMMETT_DIR, installEmmettIfMissing, loadEmmett } from '../anchors/emmett/load-emmett';
import { defaultDomainContext } from '../generator/open-generation-context';
import { WaveWriter } from '../generator/wave-writer';
import { makeRow } from '../harness/bench-row';
import { describeStorePragmas } from '../harness/durability';
import { alternate, nowMs, throughput, Throughput } from '../harness/measure';
import { SqliteEventStore } from '../harness/product';
import { buildCommandFixtures, runFixtures } from './commands/command-fixtures';
import { emmettCommandPath, retryBusy, seedEmmett } from './commands/emmett-command-path';
import { productCommandPath } from './commands/product-command-path';
import { Scenario } from './scenario';

/** Emmett is also tried with this many concurrent handlers, to show whether it can run them at all. */
const EMMETT_PROBE_WORKERS = 8;
const EMMETT_PROBE_SUGGESTIONS = 16;

function describeFailures(failures: Map<string, number>, firstError?: string): string {
  if (failures.size === 0) return 'none';
  return [...failures].map(([code, n]) => `${code}×${n}`).join(', ') + (firstError !== undefined ? ` (first: ${firstError})` : '');
}

export const s3CommandHandling: Scenario = {
  id: 'S3',
  title: 'command handling: read stream, decide, append (answer + rate)',
  async run(ctx) {
    const domain = defaultDomainContext();
    const now = Date.now();
    const rounds = ctx.sizes.commandRounds;
    const productFixtures = buildCommandFixtures(ctx.sizes.productCommands / 2, 'bench-s3-product', domain, now);
    const store = new SqliteEventStore({ path: ctx.scratch.freshDb('s3-product.sqlite'), synchronous: 'full' });
    try {
      ctx.log(`durability: product ${describeStorePragmas(store.pragmas())}`);
      const writer = new WaveWriter(store, 500);
      for (const f of productFixtures) for (const c of f.history) await writer.add(c);
      await writer.flush();
      ctx.log(
        `product: the api's CommandPipeline on the suggestion stream (built without Nest) on SqliteEventStore, ${ctx.sizes.commandWorkers} commands in flight, ` +
          `${productFixtures.length} suggestions of 5 events, each answered then rated`,
      );
      const productSend = productCommandPath(store, domain);
      const productRound = async (i: number): Promise<Throughput> => {
        const part = slice(productFixtures, i, rounds);
        const t0 = nowMs();
        const result = await runFixtures(part, ctx.sizes.commandWorkers, productSend);
        if (result.failures.size > 0) throw new Error(`product command path failed: ${describeFailures(result.failures, result.firstError)}`);
        return throughput(result.commands, (nowMs() - t0) / 1000);
      };

      const install = installEmmettIfMissing();
      if (install.output !== '') ctx.log(`install.sh --if-missing: ${install.output.split('\n').slice(-3).join(' | ')}`);
      const emmett = install.ok ? loadEmmett() : ({ ok: false, reason: `bench/anchors/emmett/install.sh failed: ${install.output.split('\n').slice(-3).join(' | ')}` } as const);
      if (!emmett.ok) {
        ctx.log(`anchor missing: ${emmett.reason}`);
        const runs: Throughput[] = [];
        for (let i = 0; i < rounds; i++) runs.push(await productRound(i));
        const product = sumThroughput(runs);
        ctx.log(`product: ${product.operations} commands in ${product.seconds.toFixed(2)} s`);
        return [
          makeRow({
            scenario: 'S3',
            measure: 'answer + rate commands',
            figure: product.perSecond,
            unit: 'commands/s',
            anchor: null,
            anchorName: 'Emmett SQLite (missing)',
            floors: [{ kind: 'ratio_min', value: 10 }],
            note: emmett.reason,
          }),
        ];
      }

      ctx.log(`anchor: ${emmett.versions}, from ${EMMETT_DIR()}`);
      const emmettFixtures = buildCommandFixtures(ctx.sizes.emmettCommands / 2 + EMMETT_PROBE_SUGGESTIONS, 'bench-s3-emmett', domain, now);
      const measured = emmettFixtures.slice(0, ctx.sizes.emmettCommands / 2);
      const fileName = ctx.scratch.freshDb('s3-emmett.sqlite');
      const emmettStore = emmett.sqlite.getSQLiteEventStore({ fileName });
      try {
        await seedEmmett(emmettStore, emmettFixtures);
      } catch (error) {
        const reason = `Emmett could not store the fixtures: ${error instanceof Error ? error.message : String(error)}`;
        ctx.log(`anchor missing: ${reason}`);
        const runs: Throughput[] = [];
        for (let i = 0; i < rounds; i++) runs.push(await productRound(i));
        const product = sumThroughput(runs);
        return [
          makeRow({
            scenario: 'S3',
            measure: 'answer + rate commands',
            figure: product.perSecond,
            unit: 'commands/s',
            anchor: null,
            anchorName: 'Emmett SQLite (failed)',
            floors: [{ kind: 'ratio_min', value: 10 }],
            note: reason,
          }),
        ];
      }
      const probeConnection = emmett.sqlite.sqliteConnection({ fileName });
      const sync = await probeConnection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
      const journal = await probeConnection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
      probeConnection.close();
      ctx.log(
        `durability: Emmett journal_mode=${String(journal?.journal_mode).toUpperCase()}, ` +
          `synchronous=${['OFF', 'NORMAL', 'FULL', 'EXTRA'][sync?.synchronous ?? -1] ?? '?'} (its connection's defaults: the same as the product's)`,
      );
      ctx.log(`Emmett: its CommandHandler, one command at a time (it cannot run them concurrently: see the probe below); product and Emmett alternate in ${rounds} rounds`);
      const emmettPath = emmettCommandPath(emmett.core, emmettStore, domain);
      let emmettRetries = 0;
      const emmettSend: typeof emmettPath = (fixture, step) => retryBusy(() => emmettPath(fixture, step), () => void (emmettRetries += 1));
      // An anchor that breaks must not take the product's figure with it: it is reported missing.
      let emmettFailure: string | null = null;
      const emmettRound = async (i: number): Promise<Throughput> => {
        if (emmettFailure !== null) return throughput(0, 0);
        const t0 = nowMs();
        const result = await runFixtures(slice(measured, i, rounds), 1, emmettSend);
        if (result.failures.size > 0) emmettFailure = `Emmett failed at one command in flight: ${describeFailures(result.failures, result.firstError)}`;
        return throughput(result.commands, (nowMs() - t0) / 1000);
      };
      let round = 0;
      const result = await alternate(
        rounds,
        () => productRound(round),
        () => emmettRound(round++),
      );
      ctx.log(
        `product: ${result.product.operations} commands in ${result.product.seconds.toFixed(2)} s; ` +
          `Emmett: ${result.anchor.operations} commands in ${result.anchor.seconds.toFixed(2)} s (${emmettRetries} retried after SQLITE_BUSY)`,
      );
      if (emmettFailure !== null) {
        ctx.log(`anchor missing: ${emmettFailure}`);
        return [
          makeRow({
            scenario: 'S3',
            measure: 'answer + rate commands',
            figure: result.product.perSecond,
            unit: 'commands/s',
            anchor: null,
            anchorName: 'Emmett SQLite (failed)',
            floors: [{ kind: 'ratio_min', value: 10 }],
            note: emmettFailure,
          }),
        ];
      }

      // Emmett console.logs every failed transaction; keep the report readable and count them instead.
      const originalLog = console.log;
      let emmettLogLines = 0;
      console.log = () => void (emmettLogLines += 1);
      let probe: Awaited<ReturnType<typeof runFixtures>>;
      try {
        probe = await runFixtures(emmettFixtures.slice(measured.length), EMMETT_PROBE_WORKERS, emmettSend);
      } finally {
        console.log = originalLog;
      }
      ctx.log(
        `Emmett with ${EMMETT_PROBE_WORKERS} commands in flight (a probe, not measured): ${probe.commands} of ${EMMETT_PROBE_SUGGESTIONS * 2} commands ` +
          `succeeded; failures: ${describeFailures(probe.failures, probe.firstError)} (Emmett logged ${emmettLogLines} errors meanwhile)`,
      );
      return [
        makeRow({
          scenario: 'S3',
          measure: 'answer + rate commands',
          figure: result.product.perSecond,
          unit: 'commands/s',
          anchor: result.anchor.perSecond,
          anchorName: 'Emmett SQLite, 1 in flight',
          floors: [{ kind: 'ratio_min', value: 10 }],
          ...(probe.failures.size > 0 ? { note: `Emmett with ${EMMETT_PROBE_WORKERS} in flight: ${describeFailures(probe.failures)}` } : {}),
        }),
      ];
    } finally {
      await store.close();
    }
  },
};

/** The i-th of n nearly equal parts. */
function slice<T>(items: readonly T[], i: number, n: number): T[] {
  const size = Math.ceil(items.length / n);
  return items.slice(i * size, (i + 1) * size);
}

function sumThroughput(parts: readonly Throughput[]): Throughput {
  return throughput(
    parts.reduce((n, t) => n + t.operations, 0),
    parts.reduce((n, t) => n + t.seconds, 0),
  );
}
