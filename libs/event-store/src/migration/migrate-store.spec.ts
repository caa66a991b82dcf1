import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { verifyStore } from '../audit/verify-store';
import type { EventStore, RecordedEvent } from '../port/event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { event } from '../testing/event-store.contract';
import { crashOnAppend } from '../testing/failing-event-store';
import { writeSampleHistory } from '../testing/sample-history';
import { makeTempDir } from '../testing/temp-dir';
import { LocalDiskAttachmentStorage } from '../attachments/local-disk-attachment-storage';
import { parseMigrateStoreArgs } from './migrate-store-args';
import { runMigrateStoreCommand } from './migrate-store.command';
import { MigrationError, MigrationInterrupted, migrateStore } from './migrate-store';
import { FileMigrationProgress } from './migration-progress';

async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: all[all.length - 1]?.position, maxCount: 100 });
    if (page.length === 0) return all;
    all.push(...page);
  }
}

/** What a copy must keep: everything but the positions, which belong to the target. */
const essence = (events: RecordedEvent[]) => events.map((e) => ({ streamId: e.streamId, revision: e.revision, type: e.type, data: e.data, metadata: e.metadata }));

describe('migrateStore (SQLite → SQLite)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let sourceFile: string;
  let targetFile: string;
  let progressFile: string;
  const opened: EventStore[] = [];
  const open = (file: string): SqliteEventStore => {
    const store = new SqliteEventStore({ path: file });
    opened.push(store);
    return store;
  };
  let sourceEvents: number;

  beforeEach(async () => {
    temp = makeTempDir('migrate');
    sourceFile = path.join(temp.dir, 'source.sqlite');
    targetFile = path.join(temp.dir, 'target.sqlite');
    progressFile = path.join(temp.dir, 'progress.json');
    const source = open(sourceFile);
    sourceEvents = await writeSampleHistory(source);
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined)));
    temp.remove();
  });

  const fileProgress = () => new FileMigrationProgress(progressFile, sourceFile, targetFile);

  it('copies every stream in global order, keeping ids, revisions, data and metadata, and checks the counts', async () => {
    const source = open(sourceFile);
    const target = open(targetFile);
    const seen: number[] = [];

    const report = await migrateStore(source, target, { pageSize: 7, total: sourceEvents, onProgress: (p) => seen.push(p.copied) });

    expect(report.copiedThisRun).toBe(sourceEvents);
    expect(report.check).toMatchObject({ sourceEvents, targetEvents: sourceEvents, mismatches: [], brokenChains: [], hashMismatches: [] });
    // Metadata included: every audit hash is carried over unchanged, and still checks on the target.
    expect(essence(await readEverything(target))).toEqual(essence(await readEverything(source)));
    expect(await verifyStore(target)).toMatchObject({ ok: true, events: sourceEvents });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(sourceEvents);
    // Appends of several events stay together in the copy (one append, consecutive positions).
    const copiedStream = await target.readStream('suggestion-s0');
    expect(copiedStream.map((e) => e.type)).toEqual(['SuggestionSubmitted', 'SuggestionAccepted', 'SuggestionAssigned', 'SuggestionAnswered']);
    expect(copiedStream[2]!.position.commit - copiedStream[1]!.position.commit).toBe(1n);
  });

  it.each(['before', 'after'] as const)('resumes after a crash %s an append, without writing anything twice', async (when) => {
    const source = open(sourceFile);
    const target = open(targetFile);

    await expect(
      migrateStore(source, crashOnAppend(target, 20, when), { progress: fileProgress(), pageSize: 5 }),
    ).rejects.toThrow('simulated crash');
    const saved = await fileProgress().load();
    expect(saved?.copied).toBeGreaterThan(0);
    expect(saved!.copied).toBeLessThan(sourceEvents);

    const resumed = await migrateStore(source, target, { progress: fileProgress(), pageSize: 5 });

    expect(resumed.resumedAfter).toBe(saved!.copied);
    expect(resumed.resumedAfter + resumed.copiedThisRun).toBe(sourceEvents);
    expect(await target.countEvents()).toBe(sourceEvents);
    expect(essence(await readEverything(target))).toEqual(essence(await readEverything(source)));
  });

  it('is safe to run again from the beginning when the progress file is lost', async () => {
    const source = open(sourceFile);
    const target = open(targetFile);
    await migrateStore(source, crashOnAppend(target, 15, 'after'), { pageSize: 1000 }).catch(() => undefined);

    const again = await migrateStore(source, target);

    expect(again.resumedAfter).toBe(0);
    expect(await target.countEvents()).toBe(sourceEvents);
    expect(essence(await readEverything(target))).toEqual(essence(await readEverything(source)));
  });

  it('stops, writing nothing of its own, when the target already holds a different history', async () => {
    const source = open(sourceFile);
    const target = open(targetFile);
    await target.appendToStream('suggestion-s3', [event('SomethingElse')]);

    const error = await migrateStore(source, target).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain('suggestion-s3');
    expect((await target.readStream('suggestion-s3')).map((e) => e.type)).toEqual(['SomethingElse']);
  });

  it('stops at an event that was changed in the source file, naming it, instead of copying it as trustworthy', async () => {
    const db = new Database(sourceFile);
    db.prepare("UPDATE events SET data = json_set(data, '$.signedBy', '王局长') WHERE stream_id = 'suggestion-s4' AND revision = 3").run();
    db.close();
    const source = open(sourceFile);
    const target = open(targetFile);

    const error = await migrateStore(source, target).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain('源库的流 suggestion-s4 修订号 3 的审计哈希校验不通过');
    expect((await target.readStream('suggestion-s4')).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
  });

  it('gives a store written before the audit chain its hashes on the way (the upgrade path)', async () => {
    const db = new Database(sourceFile);
    db.exec("UPDATE events SET metadata = json_remove(metadata, '$.hash', '$.prevHash')");
    db.close();
    const source = open(sourceFile);
    expect((await verifyStore(source)).broken).toHaveLength(16);
    const target = open(targetFile);

    const report = await migrateStore(source, target);

    expect(report.check).toMatchObject({ mismatches: [], brokenChains: [], hashMismatches: [] });
    expect(await verifyStore(target)).toMatchObject({ ok: true, events: sourceEvents });
  });

  it('stops between appends when asked and continues on the next run', async () => {
    const source = open(sourceFile);
    const target = open(targetFile);
    const controller = new AbortController();
    let pages = 0;
    const first = migrateStore(source, target, {
      progress: fileProgress(),
      pageSize: 4,
      signal: controller.signal,
      onProgress: () => {
        if (++pages === 3) controller.abort();
      },
    });
    await expect(first).rejects.toBeInstanceOf(MigrationInterrupted);
    const rest = await migrateStore(source, target, { progress: fileProgress(), pageSize: 4 });
    expect(rest.resumedAfter).toBe(8);
    expect(await target.countEvents()).toBe(sourceEvents);
  });

  describe('command', () => {
    const capture = () => {
      const stream = new PassThrough();
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
      return { stream, text: () => text };
    };

    it('migrates a file, reports the checked counts and leaves a progress file', async () => {
      await opened.splice(0).reduce((p, s) => p.then(() => s.close()), Promise.resolve());
      const stdout = capture();
      const stderr = capture();

      const code = await runMigrateStoreCommand(['--from', sourceFile, '--to', targetFile], { stdout: stdout.stream, stderr: stderr.stream });

      expect(stderr.text()).not.toContain('迁移失败');
      expect(code).toBe(0);
      expect(stdout.text()).toContain(`源库 ${sourceEvents} 个事件，目标库 ${sourceEvents} 个事件`);
      expect(fs.existsSync(`${sourceFile}.migrate-progress.json`)).toBe(true);
      const target = open(targetFile);
      expect(await target.countEvents()).toBe(sourceEvents);

      // A second run finds nothing left to copy and still checks.
      const rerun = capture();
      await target.close();
      expect(await runMigrateStoreCommand(['--from', sourceFile, '--to', targetFile], { stdout: rerun.stream, stderr: capture().stream })).toBe(0);
      expect(rerun.text()).toContain('本次复制 0 个事件');
    });

    it('copies the attachment files beside a SQLite target in another folder, each checked against its hash', async () => {
      await opened.splice(0).reduce((p, s) => p.then(() => s.close()), Promise.resolve());
      const bytes = Buffer.from('%PDF-1.4 答复函');
      const sha256 = await new LocalDiskAttachmentStorage(path.join(temp.dir, 'attachments')).put(bytes);
      const elsewhere = path.join(temp.dir, 'new', 'target.sqlite');
      fs.mkdirSync(path.dirname(elsewhere));
      const stdout = capture();
      expect(await runMigrateStoreCommand(['--from', sourceFile, '--to', elsewhere], { stdout: stdout.stream, stderr: capture().stream })).toBe(0);
      expect(stdout.text()).toContain('附件已复制：1 个文件');
      expect(fs.readFileSync(path.join(temp.dir, 'new', 'attachments', sha256.slice(0, 2), sha256)).equals(bytes)).toBe(true);
    });

    it('refuses a missing source file and bad arguments with a message in Chinese', async () => {
      const stderr = capture();
      const missing = path.join(temp.dir, 'missing.sqlite');
      expect(await runMigrateStoreCommand(['--from', missing, '--to', targetFile], { stdout: capture().stream, stderr: stderr.stream })).toBe(1);
      expect(stderr.text()).toContain('源事件库文件不存在');
      expect(fs.existsSync(missing)).toBe(false);

      const usage = capture();
      expect(await runMigrateStoreCommand(['--from', sourceFile], { stdout: capture().stream, stderr: usage.stream })).toBe(2);
      expect(usage.text()).toContain('缺少 --to');
    });

    it('tells a file target from an EventStoreDB connection string', () => {
      expect(parseMigrateStoreArgs(['--from', 'a.sqlite', '--to', 'esdb://admin:changeit@db:2113?tls=false'], '/srv')).toMatchObject({
        from: '/srv/a.sqlite',
        to: { kind: 'eventstoredb', connectionString: 'esdb://admin:changeit@db:2113?tls=false' },
        progressFile: '/srv/a.sqlite.migrate-progress.json',
      });
      expect(parseMigrateStoreArgs(['--from', 'a.sqlite', '--to', 'b.sqlite'], '/srv')).toMatchObject({ to: { kind: 'sqlite', path: '/srv/b.sqlite' } });
      expect(() => parseMigrateStoreArgs(['--from', 'a.sqlite', '--to', './a.sqlite'], '/srv')).toThrow('同一个文件');
      expect(() => parseMigrateStoreArgs(['--from', 'a', '--to', 'b', '--page-size', '0'])).toThrow('--page-size');
    });
  });
});
