import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { RecordedEvent } from '../port/event-store.port';
import { EventStoreDbEventStore } from '../eventstoredb/eventstoredb-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { describeWithEventStoreDb } from '../testing/eventstoredb-test-server';
import { crashOnAppend } from '../testing/failing-event-store';
import { writeSampleHistory } from '../testing/sample-history';
import { makeTempDir } from '../testing/temp-dir';
import { migrateStore } from './migrate-store';
import { FileMigrationProgress } from './migration-progress';

describeWithEventStoreDb('migrateStore (SQLite → EventStoreDB)', (server) => {
  let temp: ReturnType<typeof makeTempDir>;
  let source: SqliteEventStore;
  let target: EventStoreDbEventStore;
  let run: string;

  beforeEach(async () => {
    temp = makeTempDir('migrate-esdb');
    source = new SqliteEventStore({ path: path.join(temp.dir, 'source.sqlite') });
    // A fresh stream namespace per test: the server is shared and keeps what earlier tests wrote.
    run = `m${randomUUID().replace(/-/g, '').slice(0, 10)}-`;
    await writeSampleHistory(source, 8, run);
    target = new EventStoreDbEventStore({ connectionString: server().connectionString, streamPrefixes: [run] });
  });

  afterEach(async () => {
    await source.close();
    await target.close();
    temp.remove();
  });

  const streamsOf = async (events: RecordedEvent[], read: (id: string) => Promise<RecordedEvent[]>) =>
    Promise.all([...new Set(events.map((e) => e.streamId))].map(async (id) => (await read(id)).map((e) => [e.streamId, e.revision, e.type, e.data, e.metadata])));

  it('copies the history with ids and metadata, resumes after a crash, and checks the counts', async () => {
    const progress = () => new FileMigrationProgress(path.join(temp.dir, 'progress.json'), 'source', `esdb-${run}`);
    await expect(migrateStore(source, crashOnAppend(target, 10, 'after'), { progress: progress(), pageSize: 4 })).rejects.toThrow('simulated crash');

    const report = await migrateStore(source, target, { progress: progress(), pageSize: 4 });

    const sourceEvents = await source.readAll({ maxCount: 10_000 });
    expect(report.check.mismatches).toEqual([]);
    expect(report.check.sourceEvents).toBe(sourceEvents.length);
    expect(await streamsOf(sourceEvents, (id) => target.readStream(id))).toEqual(await streamsOf(sourceEvents, (id) => source.readStream(id)));
    // Same global order: the target's $all, restricted to this run's streams, lists the same event ids.
    const copied = await target.readAll({ maxCount: 10_000 });
    expect(copied.map((e) => e.metadata.eventId)).toEqual(sourceEvents.map((e) => e.metadata.eventId));
  });
});
