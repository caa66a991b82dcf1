import Database from 'better-sqlite3';
import * as path from 'node:path';
import { makeTempDir } from '../testing/temp-dir';
import { openEventStoreDatabase } from './sqlite-database';
import { SqliteStatements } from './sqlite-statements';
import { StreamTips } from './stream-tips';

describe('StreamTips', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Database.Database;
  let statements: SqliteStatements;
  const insert = (connection: Database.Database, streamId: string, revision: number, hash: string) =>
    connection
      .prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)')
      .run(streamId, revision, `${streamId}-${revision}`, 'Test', '{}', JSON.stringify({ hash }));

  beforeEach(() => {
    temp = makeTempDir('tips');
    db = openEventStoreDatabase({ path: path.join(temp.dir, 'events.sqlite'), synchronous: 'full', busyTimeoutMs: 1000 });
    statements = new SqliteStatements(db);
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('reads a tip once, then answers from memory until another connection commits', () => {
    insert(db, 's-1', 0, 'h0');
    const tips = new StreamTips(statements);
    tips.beginBatch();
    expect(tips.tip('s-1')).toEqual({ revision: 0n, hash: 'h0', keyed: false });
    // Written through this very connection behind the cache's back: not noticed (data_version only
    // moves for other connections), which is why the store writes only through its batches.
    insert(db, 's-1', 1, 'h1');
    tips.beginBatch();
    expect(tips.tip('s-1')).toEqual({ revision: 0n, hash: 'h0', keyed: false });

    const other = new Database(path.join(temp.dir, 'events.sqlite'));
    insert(other, 's-1', 2, 'h2');
    other.close();
    tips.beginBatch();
    expect(tips.tip('s-1')).toEqual({ revision: 2n, hash: 'h2', keyed: false });
  });

  it('keeps a batch’s tips only once the batch has committed', () => {
    const tips = new StreamTips(statements);
    tips.beginBatch();
    expect(tips.tip('s-new')).toBeNull();
    tips.linked('s-new', { revision: 0n, hash: 'a', keyed: false });
    expect(tips.tip('s-new')).toEqual({ revision: 0n, hash: 'a', keyed: false });
    tips.beginBatch(); // the next batch: the last one never committed
    expect(tips.tip('s-new')).toBeNull();
    tips.linked('s-new', { revision: 0n, hash: 'b', keyed: false });
    tips.commitBatch();
    tips.beginBatch();
    expect(tips.tip('s-new')).toEqual({ revision: 0n, hash: 'b', keyed: false });
    tips.forget();
    tips.beginBatch();
    expect(tips.tip('s-new')).toBeNull(); // read from the file again, where nothing was written
  });

  it('forgets the least recently appended streams beyond its size', () => {
    const tips = new StreamTips(statements, 2);
    tips.beginBatch();
    for (const s of ['a', 'b', 'c']) tips.linked(s, { revision: 5n, hash: s, keyed: false });
    tips.commitBatch();
    tips.beginBatch();
    expect([tips.tip('b'), tips.tip('c')]).toEqual([{ revision: 5n, hash: 'b', keyed: false }, { revision: 5n, hash: 'c', keyed: false }]);
    // 'a' was forgotten: its tip comes from the file, where the stream does not exist.
    expect(tips.tip('a')).toBeNull();
  });
});
