import * as os from 'node:os';
import Database from 'better-sqlite3';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  sqlite: string;
  betterSqlite3: string;
  platform: string;
}

export function machineInfo(): MachineInfo {
  const db = new Database(':memory:');
  const sqlite = (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
  db.close();
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    sqlite,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    betterSqlite3: (require('better-sqlite3/package.json') as { version: string }).version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export function describeMachine(m: MachineInfo): string {
  return `machine: ${m.cpu} · ${m.cores} cores · ${m.memoryGiB} GiB · ${m.platform} · Node ${m.node} · SQLite ${m.sqlite} (better-sqlite3 ${m.betterSqlite3})`;
}
