import { SqliteEventStore } from '@duban/event-store';
import { Projector, type ProjectorOptions } from '../projector/projector';
import { ReadModelQueries } from '../queries/read-model-queries';
import { HistoryWriter } from './history-writer';
import { writeSupervisionHistory } from './supervision-scenario';
import { tempDir } from './temp-dir';

export interface SupervisionFixture {
  store: SqliteEventStore;
  writer: HistoryWriter;
  projector: Projector;
  queries: ReadModelQueries;
  /** Projects what was appended since. */
  catchUp(): Promise<void>;
  close(): Promise<void>;
}

/** The supervision scenario in a real event store, projected into a real read-model file. */
export async function openSupervisionFixture(options: ProjectorOptions = {}): Promise<SupervisionFixture> {
  const dir = tempDir();
  const store = new SqliteEventStore({ path: dir.file('events.sqlite'), synchronous: 'normal' });
  const writer = new HistoryWriter(store);
  await writeSupervisionHistory(writer);
  const projector = new Projector(store, dir.file('read-model.sqlite'), options);
  await projector.catchUp();
  return {
    store,
    writer,
    projector,
    queries: new ReadModelQueries(projector.database),
    catchUp: async () => {
      await projector.catchUp();
    },
    close: async () => {
      await projector.close();
      await store.close();
      dir.remove();
    },
  };
}
