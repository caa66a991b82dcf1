export const SCENARIO_IDS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10', 'S11'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export interface BenchArgs {
  quick: boolean;
  json: boolean;
  only: ScenarioId[];
  /** Where generated data sets and scratch stores live; reused between runs when the key matches. */
  dataDir?: string;
  /** Regenerate the S4/S6/S7 data set even when a matching one exists. */
  fresh: boolean;
  /** Also write the run (command, date, machine, log, table) as Markdown to this file. */
  markdown?: string;
}

/** Parses `--quick --json --only S1,S3 --data-dir <dir> --fresh`; anything else is an error. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { quick: false, json: false, only: [...SCENARIO_IDS], fresh: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--quick':
        args.quick = true;
        break;
      case '--json':
        args.json = true;
        break;
      case '--fresh':
        args.fresh = true;
        break;
      case '--only':
        args.only = parseOnly(value());
        break;
      case '--data-dir':
        args.dataDir = value();
        break;
      case '--markdown':
        args.markdown = value();
        break;
      default:
        throw new Error(`unknown option ${arg} (known: --quick --json --only S1,S3 --data-dir <dir> --fresh --markdown <file>)`);
    }
  }
  return args;
}

function parseOnly(text: string): ScenarioId[] {
  const ids = text.split(',').map((s) => s.trim().toUpperCase()).filter((s) => s.length > 0);
  const unknown = ids.filter((id) => !(SCENARIO_IDS as readonly string[]).includes(id));
  if (unknown.length > 0 || ids.length === 0) {
    throw new Error(`--only takes scenario ids from ${SCENARIO_IDS.join(',')}, got "${text}"`);
  }
  return SCENARIO_IDS.filter((id) => ids.includes(id));
}
