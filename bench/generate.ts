import './harness/register-paths';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createProgress } from './harness/progress';
import { generateDataset } from './generator/generate-dataset';
import { defaultDomainContext } from './generator/open-generation-context';
import { BENCH_PASSWORD } from './generator/organisation';
import { SqliteEventStore } from './harness/product';

interface GenerateArgs {
  suggestions: number;
  out: string;
  seed: string;
  end: string;
  force: boolean;
}

export const DEFAULT_SEED = 'duban-bench-1';
export const DEFAULT_END = '2026-11-01T00:00:00.000Z';

function parseArgs(argv: readonly string[]): GenerateArgs {
  const args: GenerateArgs = { suggestions: 100_000, out: 'data/bench-events.sqlite', seed: DEFAULT_SEED, end: DEFAULT_END, force: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--suggestions': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new Error('--suggestions takes a positive integer');
        args.suggestions = n;
        break;
      }
      case '--out':
        args.out = value();
        break;
      case '--seed':
        args.seed = value();
        break;
      case '--end':
        args.end = new Date(value()).toISOString();
        break;
      case '--force':
        args.force = true;
        break;
      default:
        throw new Error(`unknown option ${flag} (known: --suggestions N --out <file> --seed <text> --end <ISO instant> --force)`);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const out = path.resolve(args.out);
  if (fs.existsSync(out)) {
    if (!args.force) throw new Error(`${out} exists; pass --force to replace it`);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(out + suffix, { force: true });
  }
  const store = new SqliteEventStore({ path: out });
  const bar = createProgress('generate', args.suggestions, 'suggestions', ' | {events} events');
  const started = Date.now();
  try {
    const report = await generateDataset({
      suggestions: args.suggestions,
      seed: args.seed,
      endIso: args.end,
      store,
      ctx: defaultDomainContext(),
      parallel: true,
      onProgress: (p) => bar.update(p.suggestions, { events: p.events }),
    });
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    console.log(`wrote ${out}`);
    console.log(
      `${report.suggestions} suggestions, ${report.events} events (${(report.events / report.suggestions).toFixed(1)} per suggestion, ` +
        `${report.accountEvents} of them accounts), ${report.units} units, ${report.users} users, in ${seconds.toFixed(1)} s`,
    );
    console.log(`statuses: ${JSON.stringify(report.byStatus)}`);
    console.log(`event types: ${JSON.stringify(report.byType)}`);
    console.log(`commands the decider refused (skipped, nothing written): ${report.refusedCommands} ${JSON.stringify(report.refusals)}`);
    console.log(`accounts log in with password "${BENCH_PASSWORD}": admin, staff01, supervisor01, deputy00001, unit001 …`);
  } finally {
    bar.stop();
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
