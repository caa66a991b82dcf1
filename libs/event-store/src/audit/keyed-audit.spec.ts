import Database from 'better-sqlite3';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import type { RecordedEvent } from '../port/event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { event } from '../testing/event-store.contract';
import { writeSampleHistory } from '../testing/sample-history';
import { makeTempDir } from '../testing/temp-dir';
import { migrateStore } from '../migration/migrate-store';
import { AuditKeyRequiredError, AuditSchemeDowngradeError } from './audit-errors';
import { GENESIS_HASH, KEYED_HASH_SCHEME } from './audit-hash';
import { AuditKey } from './audit-key';
import { runAuditSealCommand } from './audit-seal.command';
import { canonicalJson } from './canonical-json';
import { signSeal } from './audit-seal';
import { latestSealFile, readSealFile, writeSealFile } from './seal-files';
import { sealNow } from './seal-now';
import { AuditSealRefusedError } from './take-seal';
import { runVerifyAuditCommand } from './verify-audit.command';
import { verifyStore } from './verify-store';

const SUGGESTIONS = 12;

/**
 * An intruder with write access to the database file, but not the audit key, tries to make a
 * rating read "satisfied" (被满意), or to make an event disappear. The store holds events from
 * before the key (plain sha256) followed by keyed ones (HMAC-SHA256), as an upgraded service does.
 */
describe('keyed audit chain and seals', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  let sealDir: string;
  let key: AuditKey;
  let keyHex: string;
  let oldEvents: number;

  beforeEach(async () => {
    temp = makeTempDir('keyed-audit');
    file = path.join(temp.dir, 'data', 'events.sqlite');
    sealDir = path.join(temp.dir, 'seals');
    keyHex = randomBytes(32).toString('hex');
    key = new AuditKey(Buffer.from(keyHex, 'hex'));
    // Written before the upgrade: no key, plain sha256.
    const before = new SqliteEventStore({ path: file });
    oldEvents = await writeSampleHistory(before, SUGGESTIONS);
    await before.close();
    // After the upgrade: every suggestion gets its (keyed) rating, the last one is the store's last event.
    const after = new SqliteEventStore({ path: file, auditKey: key });
    for (let s = 0; s < SUGGESTIONS; s++) {
      await after.appendToStream(`suggestion-s${s}`, [event('SuggestionRated', { attitude: 'dissatisfied', result: 'dissatisfied', reason: '没有解决' })]);
    }
    await after.close();
  });

  afterEach(() => temp.remove());

  const env = () => ({ AUDIT_KEY: keyHex, AUDIT_SEAL_DIR: sealDir });

  /** `null`: opened without the key, as a tool that was not given it. */
  async function withStore<T>(fn: (store: SqliteEventStore) => Promise<T>, auditKey: AuditKey | null = key): Promise<T> {
    const store = new SqliteEventStore({ path: file, ...(auditKey ? { auditKey } : {}) });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  }

  function sql(statement: string, ...params: unknown[]): number {
    const db = new Database(file);
    try {
      return db.prepare(statement).run(...params).changes;
    } finally {
      db.close();
    }
  }

  async function run(command: typeof runVerifyAuditCommand, args: string[] = [file], environment: Record<string, string> = env()) {
    const stdout = new PassThrough();
    const out: string[] = [];
    stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
    const stderr = new PassThrough();
    stderr.on('data', (chunk: Buffer) => out.push(chunk.toString()));
    const code = await command(args, { stdout, stderr, env: environment, cwd: temp.dir });
    return { code, out: out.join('') };
  }

  /** The published algorithm without a key: what someone who only read the README can compute. */
  function publicSha256(e: RecordedEvent, prevHash: string): string {
    const metadata = canonicalJson(e.metadata, ['hash', 'prevHash']);
    const text = `[${JSON.stringify(e.streamId)},"${e.revision}",${JSON.stringify(e.type)},${canonicalJson(e.data)},${metadata},${JSON.stringify(prevHash)}]`;
    return createHash('sha256').update(text, 'utf8').digest('hex');
  }

  /** Rewrites one event and recomputes its stream's chain from there on, with the public algorithm. */
  async function forge(streamId: string, revision: bigint, change: (e: RecordedEvent) => RecordedEvent): Promise<void> {
    const events = await withStore((store) => store.readStream(streamId));
    let prevHash = events[Number(revision)]!.metadata.prevHash!;
    for (const original of events.slice(Number(revision))) {
      const edited = original.revision === revision ? change(original) : original;
      const hash = publicSha256(edited, prevHash);
      const metadata = { ...canonicalParse(edited.metadata), prevHash, hash };
      sql('UPDATE events SET data = ?, metadata = ? WHERE stream_id = ? AND revision = ?', JSON.stringify(edited.data), JSON.stringify(metadata), streamId, original.revision);
      prevHash = hash;
    }
  }

  const rateSatisfied = (e: RecordedEvent): RecordedEvent => ({ ...e, data: { ...(e.data as object), attitude: 'satisfied', result: 'satisfied' } });
  const withoutScheme = (e: RecordedEvent): RecordedEvent => {
    const { hashScheme: _dropped, ...metadata } = e.metadata as RecordedEvent['metadata'] & { hashScheme?: string };
    return { ...e, metadata };
  };

  it('keeps verifying a store whose old sha256 events are followed by keyed ones; the key is needed for the keyed ones', async () => {
    const events = await withStore((store) => store.readAll({ maxCount: 1000 }));
    expect(events.filter((e) => (e.metadata as { hashScheme?: string }).hashScheme === KEYED_HASH_SCHEME)).toHaveLength(SUGGESTIONS);
    expect(events.slice(0, oldEvents).every((e) => !('hashScheme' in e.metadata))).toBe(true);
    // A keyed hash is HMAC-SHA256 over the documented text: an auditor with the key can recompute it with any tool.
    const rated = events[events.length - 1]!;
    const text = `[${JSON.stringify(rated.streamId)},"${rated.revision}",${JSON.stringify(rated.type)},${canonicalJson(rated.data)},${canonicalJson(rated.metadata, ['hash', 'prevHash'])},${JSON.stringify(rated.metadata.prevHash)}]`;
    expect(createHmac('sha256', Buffer.from(keyHex, 'hex')).update(text).digest('hex')).toBe(rated.metadata.hash);

    expect(await withStore((store) => verifyStore(store, undefined, { auditKey: key }))).toEqual({ ok: true, events: oldEvents + SUGGESTIONS, streams: 16, broken: [] });
    // Without the key: the links hold, the keyed contents are unproven, and the CLI does not pass it.
    expect(await withStore((store) => verifyStore(store), null)).toMatchObject({ ok: true, keyedUnchecked: SUGGESTIONS });
    const keyless = await run(runVerifyAuditCommand, [file], {});
    expect(keyless.code).toBe(1);
    expect(keyless.out).toContain(`${SUGGESTIONS} 个带密钥的事件只校验了链接关系`);
    expect((await run(runVerifyAuditCommand)).code).toBe(0);
  });

  it('detects a rating rewritten to "satisfied" with the chain recomputed by the public unkeyed algorithm', async () => {
    // Keeping the scheme mark: sha256 is not the HMAC the mark promises.
    await forge('suggestion-s4', 4n, rateSatisfied);
    // Dropping it (a downgrade to the old scheme): keyed events came before it in the store.
    await forge('suggestion-s7', 4n, (e) => withoutScheme(rateSatisfied(e)));

    const report = await withStore((store) => verifyStore(store, undefined, { auditKey: key }));
    expect(report.ok).toBe(false);
    expect(report.broken).toEqual([
      expect.objectContaining({ streamId: 'suggestion-s4', revision: 4n, code: 'hash_mismatch' }),
      expect.objectContaining({ streamId: 'suggestion-s7', revision: 4n, code: 'scheme_downgrade' }),
    ]);
    const cli = await run(runVerifyAuditCommand);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('断裂：流 suggestion-s4 修订号 4（hash_mismatch）');
  });

  it('detects the store\'s last event downgraded and rewritten, against the seal', async () => {
    expect((await run(runAuditSealCommand)).code).toBe(0);
    await forge(`suggestion-s${SUGGESTIONS - 1}`, 4n, (e) => withoutScheme(rateSatisfied(e)));

    const cli = await run(runVerifyAuditCommand);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`与封印不符（sealed_event_changed）：流 suggestion-s${SUGGESTIONS - 1} 修订号 4 的哈希与封印时不同`);
    expect(cli.out).toContain('与封印不符（store_digest_mismatch）');
  });

  it('detects a deleted last event of a stream, a deleted stream and the deleted last event of the store, against the seal', async () => {
    expect((await run(runAuditSealCommand)).code).toBe(0);
    expect(sql('DELETE FROM events WHERE stream_id = ? AND revision = 4', 'suggestion-s3')).toBe(1);
    expect(sql('DELETE FROM events WHERE stream_id = ?', 'unit-u2')).toBe(1);
    expect(sql('DELETE FROM events WHERE position = (SELECT max(position) FROM events)')).toBe(1);

    // The chains alone cannot see any of it: nothing points at a stream's last event.
    expect((await withStore((store) => verifyStore(store, undefined, { auditKey: key }))).broken).toEqual([]);
    const cli = await run(runVerifyAuditCommand);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('与封印不符（store_shorter）');
    expect(cli.out).toContain('与封印不符（sealed_event_missing）：流 suggestion-s3 封印时已到修订号 4，现在只到修订号 3');
    expect(cli.out).toContain(`与封印不符（sealed_event_missing）：流 suggestion-s${SUGGESTIONS - 1} 封印时已到修订号 4，现在只到修订号 3`);
    expect(cli.out).toContain('与封印不符（sealed_stream_missing）：流 unit-u2 整个不见了');
  });

  it('detects an inserted event and two events that swapped places in the global order', async () => {
    expect((await run(runAuditSealCommand)).code).toBe(0);
    const [first, second] = await withStore((store) => store.readAll({ maxCount: 2 }));
    expect(first!.streamId).not.toBe(second!.streamId);
    // Swap the first two events' places (different streams: each stream's own chain still holds).
    sql('UPDATE events SET position = -1 WHERE position = ?', first!.position.commit);
    sql('UPDATE events SET position = ? WHERE position = ?', first!.position.commit, second!.position.commit);
    sql('UPDATE events SET position = ? WHERE position = -1', second!.position.commit);
    const swapped = await run(runVerifyAuditCommand);
    expect(swapped.code).toBe(1);
    expect(swapped.out).toContain('与封印不符（store_digest_mismatch）');
    expect(swapped.out).not.toContain('断裂：');

    // An event slipped into a stream after the seal, hashed with the public algorithm.
    const tip = (await withStore((store) => store.readStream('suggestion-s2'))).at(-1)!;
    const forged = { ...event('SuggestionRated', { attitude: 'satisfied', result: 'satisfied' }), streamId: 'suggestion-s2', revision: 5n, position: tip.position };
    const metadata = { ...forged.metadata, prevHash: tip.metadata.hash!, hash: publicSha256(forged as RecordedEvent, tip.metadata.hash!) };
    sql('INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, 5, ?, ?, ?, ?)', 'suggestion-s2', forged.metadata.eventId, forged.type, JSON.stringify(forged.data), JSON.stringify(metadata));
    const inserted = await withStore((store) => verifyStore(store, undefined, { auditKey: key }));
    expect(inserted.broken).toEqual([expect.objectContaining({ streamId: 'suggestion-s2', revision: 5n, code: 'scheme_downgrade' })]);
  });

  it('seals incrementally, refuses to seal a tampered store, and a changed or foreign seal is not believed', async () => {
    const first = await withStore((store) => sealNow(store, key, sealDir));
    expect(first).toMatchObject({ status: 'sealed', taken: { mode: 'full', read: oldEvents + SUGGESTIONS } });
    expect(await withStore((store) => sealNow(store, key, sealDir))).toMatchObject({ status: 'unchanged' });
    await withStore((store) => store.appendToStream('suggestion-s0', [event('SuggestionClosed')]));
    const second = await withStore((store) => sealNow(store, key, sealDir));
    expect(second).toMatchObject({ status: 'sealed', taken: { mode: 'incremental', read: 1 } });

    // A supervisor holds only the public key: the seal's signature and the store's structure are checked with it.
    const publicKey = path.join(temp.dir, 'duban-audit.pub');
    fs.writeFileSync(publicKey, key.publicKeyPem());
    const supervisor = await run(runVerifyAuditCommand, [file, '--public-key', publicKey], { AUDIT_SEAL_DIR: sealDir });
    expect(supervisor.code).toBe(0);

    // Edited seal (to hide a deletion): the signature no longer holds.
    const latest = latestSealFile(sealDir)!;
    const seal = readSealFile(latest);
    fs.writeFileSync(latest, JSON.stringify({ ...seal, streams: seal.streams.filter(([id]) => id !== 'suggestion-s5') }));
    const edited = await run(runVerifyAuditCommand);
    expect(edited.code).toBe(1);
    expect(edited.out).toContain('封印签名无效');
    // A seal signed with another key (a forger's own pair) is refused against the supervisor's key.
    const forger = new AuditKey(randomBytes(32));
    const { signature: _genuine, ...body } = seal;
    const foreign = writeSealFile(path.join(temp.dir, 'forged'), signSeal(body, forger));
    const refused = await run(runVerifyAuditCommand, [file, '--seal', foreign, '--public-key', publicKey], {});
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('公钥不一致');

    sql("UPDATE events SET data = json_set(data, '$.attitude', 'satisfied') WHERE stream_id = 'suggestion-s6' AND revision = 4");
    await expect(withStore((store) => sealNow(store, key, path.join(temp.dir, 'fresh')))).rejects.toThrow(AuditSealRefusedError);
    expect(latestSealFile(path.join(temp.dir, 'fresh'))).toBeNull();
  });

  it('migrates a store of both schemes into one that verifies the same, given the same key', async () => {
    const target = new SqliteEventStore({ path: path.join(temp.dir, 'copy', 'events.sqlite'), auditKey: key });
    try {
      await withStore((source) => migrateStore(source, target), null);
      expect(await verifyStore(target, undefined, { auditKey: key })).toMatchObject({ ok: true, events: oldEvents + SUGGESTIONS, broken: [] });
    } finally {
      await target.close();
    }
    // Without the key the keyed copies cannot be checked against their claimed hashes: refused, not laundered.
    const keyless = new SqliteEventStore({ path: path.join(temp.dir, 'keyless', 'events.sqlite') });
    try {
      await expect(withStore((source) => migrateStore(source, keyless), null)).rejects.toThrow(AuditKeyRequiredError);
    } finally {
      await keyless.close();
    }
  });

  it('refuses an unkeyed event after a keyed one at append: a store opened without the key cannot continue a keyed stream', async () => {
    await expect(withStore((store) => store.appendToStream('suggestion-s1', [event('SuggestionClosed')]), null)).rejects.toThrow(AuditSchemeDowngradeError);
    // A stream with only old events may still be continued without the key (nothing keyed to protect yet).
    await withStore((store) => store.appendToStream('unit-u0', [event('UnitRenamed')]), null);
    expect(await withStore((store) => store.readStream('suggestion-s1'))).toHaveLength(5);
    const unit = await withStore((store) => store.readStream('unit-u0'));
    expect(unit.map((e) => [e.revision, 'hashScheme' in e.metadata])).toEqual([
      [0n, false],
      [1n, false],
    ]);
    expect(unit[0]!.metadata.prevHash).toBe(GENESIS_HASH);
  });
});

function canonicalParse(metadata: object): Record<string, unknown> {
  const { hash: _hash, prevHash: _prev, ...rest } = metadata as Record<string, unknown>;
  return rest;
}
