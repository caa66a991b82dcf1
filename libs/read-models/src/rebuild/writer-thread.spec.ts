import Database from 'better-sqlite3';
import { tempDir } from '../testing/temp-dir';
import { DeferredDatabase } from './deferred-database';
import { WriterThread } from './writer-thread';

describe('DeferredDatabase on a WriterThread', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;

  beforeEach(() => {
    dir = tempDir();
    path = dir.file('target.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER NOT NULL)');
    db.close();
  });

  afterEach(() => dir.remove());

  const rows = (): unknown[] => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare('SELECT k, n FROM t ORDER BY k').all();
    } finally {
      db.close();
    }
  };

  it('runs the recorded statements in order, committed transactions only, on the real file', async () => {
    const writer = new WriterThread(path, ['journal_mode = OFF']);
    const db = new DeferredDatabase(writer);
    const insert = db.prepare('INSERT INTO t (k, n) VALUES (?, ?)');
    const add = db.prepare('UPDATE t SET n = n + ? WHERE k = ?');
    db.transaction(() => {
      insert.run('a', 1);
      add.run(10, 'a');
      insert.run('b', 2);
    })();
    expect(() =>
      db.transaction(() => {
        insert.run('c', 3);
        throw new Error('projection failed');
      })(),
    ).toThrow('projection failed');
    // Enough calls in one transaction to be sent in parts: they still commit together, in order.
    db.transaction(() => {
      for (let i = 0; i < 25_000; i++) add.run(1, 'b');
    })();
    insert.run('d', 4);
    await writer.close();

    expect(rows()).toEqual([
      { k: 'a', n: 11 },
      { k: 'b', n: 25_002 },
      { k: 'd', n: 4 },
    ]);
  });

  it('reports a statement that fails on the writer thread, with SQLite’s reason', async () => {
    const writer = new WriterThread(path, []);
    const db = new DeferredDatabase(writer);
    const insert = db.prepare('INSERT INTO t (k, n) VALUES (?, ?)');
    db.transaction(() => {
      insert.run('a', 1);
      insert.run('a', 2);
    })();
    await expect(writer.settle(0)).rejects.toThrow('UNIQUE constraint failed: t.k');
    await writer.terminate();
  });

  it('holds the main thread back while the writer is behind, and never once it has failed', async () => {
    const writer = new WriterThread(path, ['journal_mode = OFF']);
    const db = new DeferredDatabase(writer);
    const insert = db.prepare('INSERT INTO t (k, n) VALUES (?, ?)');
    // About 60 parts in one synchronous transaction: more than may be queued at once.
    db.transaction(() => {
      for (let i = 0; i < 600_000; i++) insert.run(`k${String(i).padStart(6, '0')}`, i);
    })();
    await writer.settle(0);
    const broken = db.prepare('INSERT INTO missing_table (k) VALUES (?)');
    db.transaction(() => broken.run('x'))();
    // The writer has stopped: a large transaction after it must neither block nor hang.
    db.transaction(() => {
      for (let i = 0; i < 600_000; i++) insert.run('again', i);
    })();
    await expect(writer.settle(0)).rejects.toThrow('no such table: missing_table');
    await writer.terminate();
    expect(rows()).toHaveLength(600_000);
  });

  it('never pretends to know how many rows a deferred write changed', async () => {
    const writer = new WriterThread(path, []);
    const db = new DeferredDatabase(writer);
    const result = db.prepare('INSERT INTO t (k, n) VALUES (?, ?)').run('a', 1);
    expect(() => result.changes).toThrow('not known');
    await writer.close();
    expect(rows()).toEqual([{ k: 'a', n: 1 }]);
  });
});
