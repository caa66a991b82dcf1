import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '../harness/product';
import { contactEvent } from '../scenarios/sample-event';
import { plainReadAll } from './plain-read';
import { PlainInsertLoop } from './sqlite-loop';

describe('the SQLite anchors', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-bench-anchor-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('inserts into the product schema with the product pragmas, readable by the product store', async () => {
    const file = path.join(dir, 'loop.sqlite');
    const loop = new PlainInsertLoop(file);
    expect(loop.pragmas()).toBe('journal_mode=WAL, synchronous=FULL');
    const events = [contactEvent(), contactEvent(), contactEvent()];
    events.forEach((e, i) => loop.append('suggestion-anchor', i, e));
    expect(loop.count()).toBe(3);
    loop.close();

    const store = new SqliteEventStore({ path: file });
    try {
      const read = await store.readStream('suggestion-anchor');
      expect(read.map((e) => e.metadata.eventId)).toEqual(events.map((e) => e.metadata.eventId));
      expect(read[0]!.data).toEqual(events[0]!.data);
    } finally {
      await store.close();
    }
  });

  it('commits a batch of inserts as one transaction, all or nothing', () => {
    const loop = new PlainInsertLoop(path.join(dir, 'batched.sqlite'));
    try {
      loop.appendInOneCommit([0, 1, 2].map((w) => ({ streamId: `suggestion-w${w}`, revision: 0, event: contactEvent() })));
      expect(loop.count()).toBe(3);
      // A clash on the last row takes the whole batch back.
      const clash = [{ streamId: 'suggestion-new', revision: 0, event: contactEvent() }, { streamId: 'suggestion-w0', revision: 0, event: contactEvent() }];
      expect(() => loop.appendInOneCommit(clash)).toThrow(/UNIQUE/);
      expect(loop.count()).toBe(3);
    } finally {
      loop.close();
    }
  });

  it('reads and parses every row the product store wrote', async () => {
    const file = path.join(dir, 'store.sqlite');
    const store = new SqliteEventStore({ path: file });
    await store.appendToStream('suggestion-a', [contactEvent(), contactEvent()], { expectedRevision: 'no_stream' });
    await store.appendToStream('suggestion-b', [contactEvent()], { expectedRevision: 'no_stream' });
    await store.close();
    expect(plainReadAll(file).rows).toBe(3);
  });
});
