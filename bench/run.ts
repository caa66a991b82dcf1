import './harness/register-paths';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseBenchArgs } from './harness/args';
import { BenchRow, makeRow } from './harness/bench-row';
import { describeMachine, machineInfo } from './harness/machine';
import { repoRoot } from './harness/repo-root';
import { Scratch } from './harness/scratch';
import { renderTable } from './harness/table';
import { markdownReport } from './harness/markdown-report';
import { renderFloorChart } from './harness/floor-chart';
import { DatasetHandle, ensureDataset } from './dataset/dataset';
import { ALL_SCENARIOS } from './scenarios/all-scenarios';
import { ScenarioContext, SharedState } from './scenarios/scenario';
import { FULL_SIZES, QUICK_SIZES } from './scenarios/sizes';

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const root = repoRoot();
  const dataDir = path.resolve(args.dataDir ?? path.join(root, 'data', 'bench'));
  const scratch = new Scratch(path.join(dataDir, `scratch-${process.pid}`));
  const machine = machineInfo();
  const sizes = args.quick ? QUICK_SIZES : FULL_SIZES;
  const started = new Date();
  const log: string[] = [];
  const out = (line: string): void => {
    log.push(line);
    process.stdout.write(`${line}\n`);
  };

  out(`duban bench ${args.quick ? '--quick ' : ''}· ${started.toISOString()} · scenarios ${args.only.join(',')}`);
  out(describeMachine(machine));
  out(`data folder: ${dataDir} (same disk as the stores, so fsync is real)`);

  let dataset: Promise<DatasetHandle> | null = null;
  const shared: SharedState = {};
  const rows: BenchRow[] = [];
  try {
    for (const scenario of ALL_SCENARIOS.filter((s) => args.only.includes(s.id))) {
      out('');
      out(`== ${scenario.id}: ${scenario.title} ==`);
      out(describeMachine(machine));
      const ctx: ScenarioContext = {
        args,
        sizes,
        machine,
        scratch,
        log: (line) => out(`  ${line}`),
        dataset: () => (dataset ??= ensureDataset(dataDir, sizes.datasetSuggestions, args.fresh, (l) => out(`  ${l}`))),
        shared,
        // BENCH_API_MAIN: a build elsewhere (e.g. while dist/ belongs to someone else's build).
        apiMain: path.resolve(process.env['BENCH_API_MAIN'] ?? path.join(root, 'dist', 'apps', 'api', 'src', 'main.js')),
      };
      const t0 = Date.now();
      try {
        const produced = await scenario.run(ctx);
        rows.push(...produced);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        out(`  ${scenario.id} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
        rows.push(
          makeRow({ scenario: scenario.id, measure: scenario.title, figure: null, unit: '', floors: [], failure: `scenario failed: ${message}` }),
        );
      }
      out(`  (${scenario.id} took ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
  } finally {
    scratch.removeAll();
  }

  out('');
  out(`== results (${((Date.now() - started.getTime()) / 1000).toFixed(0)} s) ==`);
  out(describeMachine(machine));
  out(renderTable(rows));
  if (args.markdown !== undefined) {
    const shown = process.argv.slice(2).filter((a, i, all) => a !== '--markdown' && all[i - 1] !== '--markdown');
    const command = shown.length > 0 ? `npm run bench -- ${shown.join(' ')}` : 'npm run bench';
    const seconds = (Date.now() - started.getTime()) / 1000;
    // The chart sits beside the report, which shows it: margins over the floors read faster than the table.
    const report = path.resolve(args.markdown);
    const chart = path.join(path.dirname(report), `${path.basename(report, path.extname(report))}-chart.svg`);
    fs.writeFileSync(chart, renderFloorChart(rows, `duban bench ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC${args.quick ? ' (quick)' : ''}`));
    fs.writeFileSync(report, markdownReport({ command, startedAt: started, seconds, machine, rows, log, chartFile: path.basename(chart) }));
    out(`wrote ${report} and ${chart}`);
  }
  if (args.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
