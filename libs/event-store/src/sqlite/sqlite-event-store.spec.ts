import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { verifyStreamChain } from '../audit/verify-stream-chain';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../port/errors';
import { describeEventStoreContract, event, take } from '../testing/event-store.contract';
import { makeTempDir } from '../testing/temp-dir';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';

describeEventStoreContract(
  'SQLite',
  async () => {
    const temp = makeTempDir('contract');
    const store = new SqliteEventStore({ path: path.join(temp.dir, 'events.sqlite') });
    return {
      store,
      cleanup: async () => {
        await store.close();
        temp.remove();
      },
    };
  },
  { freshStore: true, liveTimeoutMs: 2000 },
);

describe('SqliteEventStore', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  const opened: SqliteEventStore[] = [];
  const open = (options: Partial<SqliteEventStoreOptions> = {}): SqliteEventStore => {
    const store = new SqliteEventStore({ path: file, ...options });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    temp = makeTempDir('sqlite');
    file = path.join(temp.dir, 'nested', 'folder', 'events.sqlite');
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    temp.remove();
  });

  it('keeps every acknowledged event across close and reopen, and never reuses a position', async () => {
    const first = open();
    await first.appendToStream('suggestion-1', [event('SuggestionSubmitted', { title: '关于路灯的建议' })], { expectedRevision: 'no_stream' });
    const before = await first.appendToStream('suggestion-2', [event('SuggestionSubmitted')], { expectedRevision: 'no_stream' });
    await first.close();

    const reopened = open();
    expect((await reopened.readStream('suggestion-1')).map((e) => e.data)).toEqual([{ title: '关于路灯的建议' }]);
    expect(await reopened.headPosition()).toEqual(before.position);
    const after = await reopened.appendToStream('suggestion-1', [event('SuggestionAccepted')], { expectedRevision: 0n });
    expect(after.position.commit).toBe(before.position.commit + 1n);
    expect(await reopened.countEvents()).toBe(3);
  });

  it('runs in WAL mode with synchronous=FULL by default, NORMAL when configured', async () => {
    const store = open();
    expect(store.pragmas()).toMatchObject({ journalMode: 'wal', synchronous: 'full' });
    await store.close();

    // WAL is a property of the file: another connection sees it too.
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();

    expect(open({ synchronous: 'normal' }).pragmas().synchronous).toBe('normal');
  });

  it('commits appends made in the same tick in one transaction, each visible to other connections when it resolves', async () => {
    const store = open();
    const before = store.commitStats();
    const reader = new Database(file, { readonly: true });
    const seen = reader.prepare('SELECT COUNT(*) AS n FROM events WHERE event_id = ?');
    try {
      const visibleOnResolve = await Promise.all(
        Array.from({ length: 64 }, async (_, i) => {
          const e = event('SuggestionSubmitted');
          await store.appendToStream(`suggestion-${i}`, [e], { expectedRevision: 'no_stream' });
          return (seen.get(e.metadata.eventId) as { n: number }).n;
        }),
      );
      expect(visibleOnResolve).toEqual(Array(64).fill(1));
    } finally {
      reader.close();
    }
    const after = store.commitStats();
    expect(after.appends - before.appends).toBe(64);
    expect(after.transactions - before.transactions).toBe(1);
  });

  it('rejects only the failing appends of a batch and commits the others', async () => {
    const store = open();
    await store.appendToStream('suggestion-existing', [event('SuggestionSubmitted')], { expectedRevision: 'no_stream' });
    const reused = event('SuggestionSubmitted');
    const before = store.commitStats().transactions;

    const outcomes = await Promise.allSettled([
      store.appendToStream('suggestion-a', [reused], { expectedRevision: 'no_stream' }),
      store.appendToStream('suggestion-existing', [event('Conflicting')], { expectedRevision: 'no_stream' }),
      store.appendToStream('suggestion-b', [event('SuggestionSubmitted'), event('SuggestionAccepted')], { expectedRevision: 'no_stream' }),
      store.appendToStream('suggestion-c', [event('Fine'), reused], { expectedRevision: 'no_stream' }),
    ]);

    expect(store.commitStats().transactions - before).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    const duplicate = (outcomes[3] as PromiseRejectedResult).reason as DuplicateEventIdError;
    expect(duplicate).toBeInstanceOf(DuplicateEventIdError);
    expect([duplicate.eventId, duplicate.existingStreamId]).toEqual([reused.metadata.eventId, 'suggestion-a']);
    // The refused append's first event rolled back with it.
    expect(await store.readStream('suggestion-c')).toEqual([]);
    expect(await store.readStream('suggestion-existing')).toHaveLength(1);
    expect(await store.readStream('suggestion-b')).toHaveLength(2);
  });

  it('keeps the rest of a batch when one append fails after writing part of its events', async () => {
    const store = open();
    await store.appendToStream('suggestion-existing', [event('SuggestionSubmitted')], { expectedRevision: 'no_stream' });
    // A database error on the second insert of one append (after every check passed): only a
    // trigger on the file can make an insert fail there.
    const other = new Database(file);
    other.exec(`CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.type = 'Poison' BEGIN SELECT RAISE(ABORT, 'poisoned insert'); END`);
    other.close();
    const before = store.commitStats().transactions;
    const outcomes = await Promise.allSettled([
      store.appendToStream('suggestion-a', [event('SuggestionSubmitted')], { expectedRevision: 'no_stream' }),
      store.appendToStream('suggestion-c', [event('Fine'), event('Poison')], { expectedRevision: 'no_stream' }),
      store.appendToStream('suggestion-existing', [event('SuggestionAccepted')], { expectedRevision: 0n }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('poisoned insert');
    expect(store.commitStats().transactions - before).toBe(1);
    // The failing append's first event is not stored; the others are, at the revisions they were told.
    expect(await store.readStream('suggestion-c')).toEqual([]);
    expect((await store.readStream('suggestion-a')).map((e) => e.type)).toEqual(['SuggestionSubmitted']);
    expect((await store.readStream('suggestion-existing')).map((e) => [e.type, e.revision])).toEqual([
      ['SuggestionSubmitted', 0n],
      ['SuggestionAccepted', 1n],
    ]);
    expect(await store.countEvents()).toBe(3);
    // The refused stream is still free: nothing of the rolled-back attempt is left behind.
    const next = await store.appendToStream('suggestion-c', [event('Fine')], { expectedRevision: 'no_stream' });
    expect(next.nextExpectedRevision).toBe(0n);
  });

  it('sees what another connection appended to a stream it has written to before (its remembered tips are dropped)', async () => {
    const store = open();
    const other = open();
    await store.appendToStream('suggestion-shared', [event('SuggestionSubmitted')], { expectedRevision: 'no_stream' });
    await other.appendToStream('suggestion-shared', [event('SuggestionAccepted')], { expectedRevision: 0n });
    // `store` last wrote revision 0; the file now ends at 1.
    const stale = store.appendToStream('suggestion-shared', [event('Stale')], { expectedRevision: 0n });
    await expect(stale).rejects.toMatchObject({ actual: 1n });
    await store.appendToStream('suggestion-shared', [event('SuggestionAssigned')], { expectedRevision: 1n });
    await other.appendToStream('suggestion-shared', [event('Anything')]);
    await store.appendToStream('suggestion-shared', [event('AnyAgain')]);
    const read = await store.readStream('suggestion-shared');
    expect(read.map((e) => [e.type, e.revision])).toEqual([
      ['SuggestionSubmitted', 0n],
      ['SuggestionAccepted', 1n],
      ['SuggestionAssigned', 2n],
      ['Anything', 3n],
      ['AnyAgain', 4n],
    ]);
    // Each event chains on the one before it, whichever connection wrote that one.
    expect(verifyStreamChain(read)).toEqual({ ok: true, events: 5 });
  });

  it('recognises a retry after a batch that had to start over, and chains on from what was committed', async () => {
    const store = open();
    const submitted = event('SuggestionSubmitted');
    const first = await store.appendToStream('suggestion-r', [submitted], { expectedRevision: 'no_stream' });
    const reused = event('Reused');
    await store.appendToStream('suggestion-elsewhere', [reused]);
    // One batch: a retry of the first append (recognised), an append whose second event reuses an id
    // (the batch starts over with every check first) and an ordinary append to the retried stream.
    const outcomes = await Promise.allSettled([
      store.appendToStream('suggestion-r', [submitted], { expectedRevision: 'no_stream' }),
      store.appendToStream('suggestion-x', [event('Fine'), reused], { expectedRevision: 'no_stream' }),
      store.appendToStream('suggestion-r', [event('SuggestionAccepted')], { expectedRevision: 0n }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[0] as PromiseFulfilledResult<unknown>).value).toEqual(first);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    await store.appendToStream('suggestion-r', [event('SuggestionAssigned')], { expectedRevision: 1n });
    await store.appendToStream('suggestion-x', [event('Fine')], { expectedRevision: 'no_stream' });
    const read = await store.readStream('suggestion-r');
    expect(read.map((e) => e.type)).toEqual(['SuggestionSubmitted', 'SuggestionAccepted', 'SuggestionAssigned']);
    expect(verifyStreamChain(read).ok).toBe(true);
  });

  it('refuses an event id already stored in another stream', async () => {
    const store = open();
    const e = event('SuggestionSubmitted');
    await store.appendToStream('suggestion-1', [e]);
    await expect(store.appendToStream('suggestion-2', [e])).rejects.toBeInstanceOf(DuplicateEventIdError);
    // Partly new, partly already stored: not a retry, so not silently accepted.
    const partlyStored = [event('New'), { ...event('Again'), metadata: e.metadata }];
    await expect(store.appendToStream('suggestion-1', partlyStored)).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await store.countEvents()).toBe(1);
  });

  it('puts the appends of 64 concurrent writers into one transaction per round (group commit)', async () => {
    // How much faster that is belongs to the benchmark (bench S2), not to a timed unit test.
    const store = open();
    const events = 512;
    const writers = 64;
    const commitsBefore = store.commitStats().transactions;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < events / writers; i++) {
          await store.appendToStream(`suggestion-w${w}`, [event('E')], { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) });
        }
      }),
    );
    const commits = store.commitStats().transactions - commitsBefore;
    expect(commits).toBeLessThanOrEqual(events / writers + 1);
    expect(await store.countEvents()).toBe(events);
    for (let w = 0; w < writers; w++) {
      expect((await store.readStream(`suggestion-w${w}`)).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n]);
    }
  });

  it('tells in-process listeners the new head after each commit', async () => {
    const store = open();
    const heads: bigint[] = [];
    const stop = store.onAppended((head) => heads.push(head.commit));
    const a = await store.appendToStream('suggestion-1', [event('A')]);
    const b = await store.appendToStream('suggestion-1', [event('B'), event('C')]);
    stop();
    await store.appendToStream('suggestion-1', [event('D')]);
    expect(heads).toEqual([a.position.commit, b.position.commit]);
  });

  it('delivers to a waiting subscriber the events another connection writes to the same file (poll fallback)', async () => {
    const subscriber = open({ pollIntervalMs: 100 });
    const otherWriter = open();
    const subscription = subscriber.subscribeToAll({});
    try {
      const arriving = take(subscription, 1, 3000);
      // Let the subscriber go to sleep first: only its poll can notice the other connection's write.
      await new Promise((resolve) => setTimeout(resolve, 250));
      await otherWriter.appendToStream('suggestion-x', [event('FromElsewhere')]);
      const [received] = await arriving;
      expect(received!.type).toBe('FromElsewhere');
    } finally {
      await subscription.unsubscribe();
    }
  });

  it('wakes a waiting subscriber right after an in-process append, without waiting for the poll', async () => {
    const store = open({ pollIntervalMs: 60_000 });
    const subscription = store.subscribeToAll({});
    try {
      const arriving = take(subscription, 1, 2000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await store.appendToStream('suggestion-x', [event('Nearby')]);
      expect((await arriving)[0]!.type).toBe('Nearby');
    } finally {
      await subscription.unsubscribe();
    }
  });

  it('waits out another process holding the write lock instead of failing with SQLITE_BUSY', async () => {
    const store = open({ busyTimeoutMs: 50 });
    await store.appendToStream('suggestion-1', [event('A')]);
    const holdMs = 600;
    const locker = await holdWriteLock(file, holdMs);
    const started = Date.now();
    const result = await store.appendToStream('suggestion-1', [event('B')], { expectedRevision: 0n });
    const waited = Date.now() - started;
    await locker.done;
    expect(result.nextExpectedRevision).toBe(1n);
    expect(waited).toBeGreaterThanOrEqual(holdMs / 2);
  });

  it('lets pending appends commit on close and refuses appends afterwards', async () => {
    const store = open();
    const pending = store.appendToStream('suggestion-1', [event('A')]);
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0n });
    await expect(store.appendToStream('suggestion-1', [event('B')])).rejects.toThrow('closed');
    const reopened = open();
    expect(await reopened.countEvents()).toBe(1);
  });
});

/** Another OS process takes the file's write lock and keeps it for `holdMs`. */
async function holdWriteLock(file: string, holdMs: number): Promise<{ done: Promise<void> }> {
  const script = `
    const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${holdMs});
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited with ${code}`))));
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.on('error', reject);
  });
  return { done };
}
