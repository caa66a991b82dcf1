import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { repoRoot } from '../../harness/repo-root';

/** The slice of Emmett's API the S3 anchor uses (0.42.x), typed here so the bench compiles without it installed. */
export interface EmmettEvent {
  type: string;
  data: unknown;
  metadata?: Record<string, unknown>;
}

export interface EmmettReadEvent extends EmmettEvent {
  metadata: Record<string, unknown> & { streamPosition: bigint; globalPosition: bigint };
}

export interface EmmettSqliteEventStore {
  appendToStream(
    streamName: string,
    events: EmmettEvent[],
    options?: { expectedStreamVersion?: bigint },
  ): Promise<{ nextExpectedStreamVersion: bigint; lastEventGlobalPosition: bigint }>;
  readStream(streamName: string): Promise<{ currentStreamVersion: bigint; events: EmmettReadEvent[]; streamExists: boolean }>;
}

export interface EmmettSqliteModule {
  getSQLiteEventStore(options: { fileName: string }): EmmettSqliteEventStore;
  sqliteConnection(options: { fileName: string }): {
    querySingle<T>(sql: string): Promise<T | null>;
    close(): void;
  };
}

export type EmmettCommandHandler = <S>(options: {
  evolve: (state: S, event: EmmettReadEvent) => S;
  initialState: () => S;
}) => (
  store: EmmettSqliteEventStore,
  id: string,
  handle: (state: S) => EmmettEvent[],
) => Promise<{ nextExpectedStreamVersion: bigint; newEvents: EmmettEvent[] }>;

export interface EmmettCoreModule {
  CommandHandler: EmmettCommandHandler;
}

export type EmmettLoad =
  | { ok: true; sqlite: EmmettSqliteModule; core: EmmettCoreModule; versions: string }
  | { ok: false; reason: string };

export const EMMETT_DIR = (): string => path.join(repoRoot(), 'bench', 'anchors', 'emmett');

/**
 * Loads Emmett from bench/anchors/emmett/node_modules (installed by install.sh, never by the
 * root package.json). When it is missing or broken, says why instead of pretending.
 */
export function loadEmmett(): EmmettLoad {
  const dir = EMMETT_DIR();
  if (!fs.existsSync(path.join(dir, 'node_modules', '@event-driven-io', 'emmett-sqlite'))) {
    return { ok: false, reason: `Emmett is not installed: run bench/anchors/emmett/install.sh (npm install --legacy-peer-deps in ${dir})` };
  }
  try {
    const req = createRequire(path.join(dir, 'package.json'));
    const sqlite = req('@event-driven-io/emmett-sqlite') as EmmettSqliteModule;
    const core = req('@event-driven-io/emmett') as EmmettCoreModule;
    // Read from disk: the packages' "exports" maps do not expose package.json.
    const version = (name: string): string =>
      (JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    const versions =
      `@event-driven-io/emmett-sqlite ${version('@event-driven-io/emmett-sqlite')}, @event-driven-io/emmett ${version('@event-driven-io/emmett')}, ` +
      `sqlite3 ${version('sqlite3')} (installed with npm install --legacy-peer-deps: emmett-sqlite 0.42.4 asks for an emmett core release the registry does not have)`;
    return { ok: true, sqlite, core, versions };
  } catch (error) {
    return { ok: false, reason: `Emmett could not be loaded: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Runs install.sh --if-missing (a fresh clone has no Emmett): the bench must run every scenario
 * on a fresh clone. Returns what the script printed, for the report.
 */
export function installEmmettIfMissing(): { ok: boolean; output: string } {
  const result = spawnSync('bash', [path.join(EMMETT_DIR(), 'install.sh'), '--if-missing'], { encoding: 'utf8', timeout: 15 * 60_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  return { ok: result.status === 0, output: result.error ? `${result.error.message}\n${output}` : output };
}
