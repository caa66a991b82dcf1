import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { event } from '../testing/event-store.contract';
import { writeSampleHistory } from '../testing/sample-history';
import { makeTempDir } from '../testing/temp-dir';
import { expectedHashOf, GENESIS_HASH } from './audit-hash';
import { runVerifyAuditCommand } from './verify-audit.command';
import { verifyStore } from './verify-store';
import { verifyStreamChain } from './verify-stream-chain';

/**
 * Someone with access to the database file changes the record behind the service's back; the
 * audit chain must name the stream and the revision.
 */
describe('audit chain over the embedded store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  let events: number;

  beforeEach(async () => {
    temp = makeTempDir('audit');
    file = path.join(temp.dir, 'events.sqlite');
    const store = new SqliteEventStore({ path: file });
    events = await writeSampleHistory(store);
    await store.close();
  });

  afterEach(() => temp.remove());

  /** Changes the file the way an intruder with sqlite3 would: another connection, plain SQL. */
  function tamper(sql: string, ...params: unknown[]): void {
    const db = new Database(file);
    try {
      expect(db.prepare(sql).run(...params).changes).toBe(1);
    } finally {
      db.close();
    }
  }

  async function audit() {
    const store = new SqliteEventStore({ path: file });
    try {
      return await verifyStore(store);
    } finally {
      await store.close();
    }
  }

  async function runCli(args: string[] = [file]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: string[] = [];
    stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
    const code = await runVerifyAuditCommand(args, { stdout, stderr, env: {} });
    return { code, out: out.join('') };
  }

  it('finds nothing wrong in an untouched store, and the CLI says so with exit 0', async () => {
    const report = await audit();
    expect(report).toEqual({ ok: true, events, streams: 16, broken: [] });
    const cli = await runCli();
    expect(cli.code).toBe(0);
    expect(cli.out).toContain(`审计链校验通过：16 个流，${events} 个事件`);
    expect(cli.out).toMatch(/事件库末尾标记.*suggestion-s11@3 [0-9a-f]{64}/);
  });

  it('names the stream and revision of an event whose data was edited in the file', async () => {
    tamper("UPDATE events SET data = json_set(data, '$.title', '关于取消路灯的建议') WHERE stream_id = ? AND revision = 0", 'suggestion-s3');

    const report = await audit();
    expect(report.ok).toBe(false);
    expect(report.broken).toEqual([expect.objectContaining({ streamId: 'suggestion-s3', revision: 0n, code: 'hash_mismatch' })]);
    const cli = await runCli();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('断裂：流 suggestion-s3 修订号 0（hash_mismatch）');
    expect(cli.out).toContain('审计链校验未通过：1 个流断裂');
  });

  it('names the missing revision when an event in the middle of a stream was deleted', async () => {
    tamper('DELETE FROM events WHERE stream_id = ? AND revision = 1', 'suggestion-s5');

    const report = await audit();
    expect(report.broken).toEqual([expect.objectContaining({ streamId: 'suggestion-s5', revision: 1n, code: 'missing_event' })]);
    const cli = await runCli();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('断裂：流 suggestion-s5 修订号 1（missing_event）');
  });

  it('catches a change to the metadata alone (who did it)', async () => {
    tamper("UPDATE events SET metadata = json_set(metadata, '$.actor.userId', 'deputy-1') WHERE stream_id = ? AND revision = 2", 'suggestion-s7');

    const report = await audit();
    expect(report.broken).toEqual([expect.objectContaining({ streamId: 'suggestion-s7', revision: 2n, code: 'hash_mismatch' })]);
  });

  it('catches an edited event whose own hash was recomputed, at the next link', async () => {
    const store = new SqliteEventStore({ path: file });
    const [original] = await store.readStream('suggestion-s2', { fromRevision: 1n, maxCount: 1 });
    await store.close();
    const edited = { ...original!, data: { ...(original!.data as object), mode: 'separate' } };
    const forged = expectedHashOf(edited, original!.metadata.prevHash!);
    tamper(
      "UPDATE events SET data = json_set(data, '$.mode', 'separate'), metadata = json_set(metadata, '$.hash', ?) WHERE stream_id = ? AND revision = 1",
      forged,
      'suggestion-s2',
    );

    const report = await audit();
    expect(report.broken).toEqual([expect.objectContaining({ streamId: 'suggestion-s2', revision: 2n, code: 'prev_hash_mismatch' })]);
  });

  it('reports every broken stream, once each, and verifies a single stream read on its own', async () => {
    tamper("UPDATE events SET type = 'SuggestionRejected' WHERE stream_id = ? AND revision = 2", 'suggestion-s0');
    tamper("UPDATE events SET data = json_set(data, '$.name', '别的单位') WHERE stream_id = ? AND revision = 0", 'unit-u1');

    const report = await audit();
    expect(report.broken.map((b) => [b.streamId, b.revision])).toEqual([
      ['unit-u1', 0n],
      ['suggestion-s0', 2n],
    ]);
    const store = new SqliteEventStore({ path: file });
    try {
      expect(verifyStreamChain(await store.readStream('suggestion-s0'))).toMatchObject({ ok: false, brokenAt: { revision: 2n, code: 'hash_mismatch' } });
      expect(verifyStreamChain(await store.readStream('suggestion-s1'))).toEqual({ ok: true, events: 4 });
    } finally {
      await store.close();
    }
  });

  it('lets an outside auditor recompute a hash from the stored columns with plain SQL and sha256', () => {
    const db = new Database(file, { readonly: true });
    try {
      const row = db
        .prepare(
          `SELECT '[' || json_quote(stream_id) || ',"' || revision || '",' || json_quote(type) || ',' || data || ',' ||
                  json_remove(metadata, '$.hash', '$.prevHash') || ',' || json_quote(json_extract(metadata, '$.prevHash')) || ']' AS text,
                  json_extract(metadata, '$.hash') AS hash, json_extract(metadata, '$.prevHash') AS prev
             FROM events WHERE stream_id = 'suggestion-s4' ORDER BY revision`,
        )
        .all() as { text: string; hash: string; prev: string }[];
      expect(row).toHaveLength(4);
      expect(row[0]!.prev).toBe(GENESIS_HASH);
      for (const r of row) expect(createHash('sha256').update(r.text, 'utf8').digest('hex')).toBe(r.hash);
    } finally {
      db.close();
    }
  });

  it('chains on across a restart: the tip hash is read back from the file', async () => {
    const store = new SqliteEventStore({ path: file });
    try {
      await store.appendToStream('suggestion-s1', [event('SuggestionRated', { attitude: 'satisfied' })], { expectedRevision: 3n });
      const read = await store.readStream('suggestion-s1');
      expect(read[4]!.metadata.prevHash).toBe(read[3]!.metadata.hash);
      expect((await verifyStore(store)).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('refuses a missing store file without creating one, and explains the usage', async () => {
    const missing = path.join(temp.dir, 'nothing-here.sqlite');
    const stderr = new PassThrough();
    const err: string[] = [];
    stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
    expect(await runVerifyAuditCommand([missing], { stdout: new PassThrough(), stderr, env: {} })).toBe(1);
    expect(err.join('')).toContain('事件库文件不存在');
    expect(await runVerifyAuditCommand(['a', 'b'], { stdout: new PassThrough(), stderr, env: {} })).toBe(2);
  });
});
