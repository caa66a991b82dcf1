import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { checkStoreAgainstMark, storeFingerprint } from '../audit/store-fingerprint';
import { verifyStore } from '../audit/verify-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { event } from '../testing/event-store.contract';
import { writeSampleHistory } from '../testing/sample-history';
import { makeTempDir } from '../testing/temp-dir';
import { runBackupCommand } from './backup.command';
import { backupSqliteStore } from './backup-sqlite-store';
import { runRestoreCommand } from './restore.command';
import { restoreSqliteStore } from './restore-sqlite-store';
import { integrityProblems, StoreFileError } from './sqlite-file-checks';

interface Row {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
}

/** Every stored row, exactly as in the file, read by a connection of its own. */
function rowsOf(file: string): Row[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT position, stream_id, revision, event_id, type, data, metadata FROM events ORDER BY position').all() as Row[];
  } finally {
    db.close();
  }
}

function captured(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return { stream, text: () => chunks.join('') };
}

describe('backup and restore of the embedded store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let storeFile: string;
  const opened: SqliteEventStore[] = [];
  const open = (file: string): SqliteEventStore => {
    const store = new SqliteEventStore({ path: file });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    temp = makeTempDir('backup');
    storeFile = path.join(temp.dir, 'data', 'duban.sqlite');
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    temp.remove();
  });

  it('takes a consistent backup while another loop keeps appending: sound, chained, and a prefix of the live store', async () => {
    const live = open(storeFile);
    const started = Date.now();
    // About 6 MB, so the copy takes many steps and the writer gets in between them.
    const filler = '代表建议办理情况说明。'.repeat(20);
    for (let batch = 0; batch < 120; batch++) {
      await live.appendToStream(`suggestion-b${batch}`, Array.from({ length: 100 }, (_, i) => event('DeputyContacted', { i, summary: filler })));
    }
    const before = await live.countEvents();

    let writing = true;
    let appendsDuringBackup = 0;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        await live.appendToStream(`suggestion-live${i % 50}`, [event('SuggestionUrged', { note: `第${i}次催办` })]);
        appendsDuringBackup += 1;
      }
    })();
    const phases = new Set<string>();
    const backupFile = path.join(temp.dir, 'backups', 'duban-backup.sqlite');
    let report;
    const backupStarted = Date.now();
    try {
      report = await backupSqliteStore(storeFile, backupFile, ({ phase }) => phases.add(phase));
    } finally {
      const writtenWhileCopying = appendsDuringBackup;
      const backupMs = Date.now() - backupStarted;
      await new Promise((resolve) => setTimeout(resolve, 50));
      writing = false;
      await writer;
      console.log(
        `backup under load: filled in ${backupStarted - started} ms; backup ${backupMs} ms with ${writtenWhileCopying} appends meanwhile, ` +
          `${report?.restarts ?? '?'} restarts, ${report?.pages ?? '?'} pages`,
      );
    }

    // One self-contained file: nothing left beside it.
    expect(fs.readdirSync(path.dirname(backupFile))).toEqual(['duban-backup.sqlite']);
    expect(appendsDuringBackup).toBeGreaterThan(0);
    expect(phases).toEqual(new Set(['copy', 'verify']));
    expect(integrityProblems(backupFile)).toEqual([]);
    expect(report.audit).toMatchObject({ ok: true, broken: [] });
    const backedUp = rowsOf(backupFile);
    const liveRows = rowsOf(storeFile);
    expect(backedUp.length).toBe(report.events);
    expect(backedUp.length).toBeGreaterThanOrEqual(before);
    expect(liveRows.length).toBeGreaterThan(backedUp.length);
    expect(backedUp).toEqual(liveRows.slice(0, backedUp.length));
    expect(report.mark).toMatchObject({ position: { commit: BigInt(backedUp[backedUp.length - 1]!.position) } });
  });

  it('restores a backup into an empty place, row for row, and the chains go on from there', async () => {
    const source = open(storeFile);
    await writeSampleHistory(source);
    const backupFile = path.join(temp.dir, 'backup.sqlite');
    await backupSqliteStore(storeFile, backupFile);
    const target = path.join(temp.dir, 'elsewhere', 'restored.sqlite');

    const report = await restoreSqliteStore(backupFile, target);

    expect(report.previousStoreKeptAt).toBeNull();
    expect(rowsOf(target)).toEqual(rowsOf(storeFile));
    expect(report.mark).toEqual(await storeFingerprint(source));
    const restored = open(target);
    await restored.appendToStream('suggestion-s0', [event('SuggestionClosed')], { expectedRevision: 3n });
    expect((await verifyStore(restored)).ok).toBe(true);
  });

  it('replaces an existing store only with force, only when no one has it open, and keeps the old one', async () => {
    const live = open(storeFile);
    await writeSampleHistory(live);
    const mark = await storeFingerprint(live);
    const backupFile = path.join(temp.dir, 'backup.sqlite');
    await backupSqliteStore(storeFile, backupFile);
    const backedUp = rowsOf(backupFile);
    await live.appendToStream('suggestion-s1', [event('SuggestionRated', { attitude: 'satisfied' })], { expectedRevision: 3n });
    const liveRows = rowsOf(storeFile);

    await expect(restoreSqliteStore(backupFile, storeFile)).rejects.toThrow(/已存在.*--force/);
    // The service still has it open.
    await expect(restoreSqliteStore(backupFile, storeFile, { force: true })).rejects.toThrow(/正被其他进程.*使用/);
    expect(rowsOf(storeFile)).toEqual(liveRows);

    await live.close();
    fs.writeFileSync(`${storeFile}-shm`, Buffer.alloc(32768, 1)); // stale, from a service that crashed long ago
    const report = await restoreSqliteStore(backupFile, storeFile, { force: true, now: new Date('2026-10-08T09:30:00Z') });

    expect(fs.existsSync(`${storeFile}-wal`)).toBe(false);
    expect(fs.existsSync(`${storeFile}-shm`)).toBe(false);
    expect(rowsOf(storeFile)).toEqual(backedUp);
    expect(report.previousStoreKeptAt).toBe(`${storeFile}.before-restore-2026-10-08T09-30-00-000Z`);
    expect(rowsOf(report.previousStoreKeptAt!)).toEqual(liveRows);
    // What a projector that had applied the rating would find: the store is behind its checkpoint.
    const restored = open(storeFile);
    const check = await checkStoreAgainstMark(restored, { ...mark!, revision: 4n, position: { commit: mark!.position.commit + 1n, prepare: mark!.position.commit + 1n } });
    expect(check.status).toBe('store_behind');
    expect(await checkStoreAgainstMark(restored, mark!)).toEqual({ status: 'consistent' });
  });

  it('refuses a backup with a broken audit chain or a damaged file, replacing nothing', async () => {
    const live = open(storeFile);
    await writeSampleHistory(live);
    await live.close();
    const liveRows = rowsOf(storeFile);
    const backupFile = path.join(temp.dir, 'backup.sqlite');
    await backupSqliteStore(storeFile, backupFile);
    const db = new Database(backupFile);
    db.prepare("UPDATE events SET data = json_set(data, '$.category', 'D') WHERE stream_id = 'suggestion-s6' AND revision = 3").run();
    db.close();

    const error = await restoreSqliteStore(backupFile, storeFile, { force: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreFileError);
    expect((error as Error).message).toContain('suggestion-s6 修订号 3');

    const garbage = path.join(temp.dir, 'garbage.sqlite');
    fs.writeFileSync(garbage, Buffer.alloc(8192, 7));
    await expect(restoreSqliteStore(garbage, storeFile, { force: true })).rejects.toThrow('不是 SQLite 数据库文件');
    // A sound SQLite file that is not an event store would otherwise restore as an empty history.
    const foreign = path.join(temp.dir, 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    await expect(restoreSqliteStore(foreign, storeFile, { force: true })).rejects.toThrow('没有 events 表');

    expect(rowsOf(storeFile)).toEqual(liveRows);
    expect(fs.readdirSync(path.dirname(storeFile)).filter((name) => name.includes('restore'))).toEqual([]);
  });

  it('tells a projector when the store was swapped for another history', async () => {
    const first = open(storeFile);
    await writeSampleHistory(first);
    const mark = (await storeFingerprint(first))!;
    await first.close();
    const otherFile = path.join(temp.dir, 'other.sqlite');
    const other = open(otherFile);
    await writeSampleHistory(other);
    await other.close();
    const backupFile = path.join(temp.dir, 'other-backup.sqlite');
    await backupSqliteStore(otherFile, backupFile);

    await restoreSqliteStore(backupFile, storeFile, { force: true });

    // Same streams and revisions, other events (other ids): not the history the read model was built from.
    const check = await checkStoreAgainstMark(open(storeFile), mark);
    expect(check).toMatchObject({ status: 'diverged' });
  });

  it('runs as npm run backup / restore on the configured store, with usage errors and a rebuild reminder', async () => {
    const live = open(storeFile);
    await writeSampleHistory(live);
    await live.close();
    const env = { EVENT_STORE_PATH: 'data/duban.sqlite' };
    const io = () => ({ out: captured(), err: captured() });

    const first = io();
    expect(await runBackupCommand(['backups/b1.sqlite'], { stdout: first.out.stream, stderr: first.err.stream, env, cwd: temp.dir })).toBe(0);
    expect(first.out.text()).toContain('备份完成');
    expect(first.out.text()).toContain('审计链校验通过：16 个流');

    const again = io();
    expect(await runBackupCommand(['backups/b1.sqlite'], { stdout: again.out.stream, stderr: again.err.stream, env, cwd: temp.dir })).toBe(1);
    expect(again.err.text()).toContain('备份文件已存在');

    const restore = io();
    expect(await runRestoreCommand(['backups/b1.sqlite', '--force'], { stdout: restore.out.stream, stderr: restore.err.stream, env, cwd: temp.dir })).toBe(0);
    expect(restore.out.text()).toContain('npm run rebuild');

    const usage = io();
    expect(await runRestoreCommand([], { stdout: usage.out.stream, stderr: usage.err.stream, env, cwd: temp.dir })).toBe(2);
    expect(usage.err.text()).toContain('用法：npm run restore');
    const esdb = io();
    const esdbEnv = { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false' };
    expect(await runBackupCommand(['b.sqlite'], { stdout: esdb.out.stream, stderr: esdb.err.stream, env: esdbEnv, cwd: temp.dir })).toBe(2);
    expect(esdb.err.text()).toContain('只备份和恢复嵌入式事件库');
  });
});
