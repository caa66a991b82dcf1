import { createWorkingCalendar, NATIONAL_RULEBOOK } from '@duban/domain';
import { SqliteEventStore, storeIdentityOf } from '@duban/event-store';
import { readModelStoreIdentityAt } from '@duban/read-models';
import { writeDemoHistory } from '@duban/read-models/testing/demo-scenario';
import { HistoryWriter } from '@duban/read-models/testing/history-writer';
import { tempDir } from '@duban/read-models/testing/temp-dir';
import { rebuildOutdatedReadModel } from './rebuild-outdated-read-model';

const RULES = { rulebook: NATIONAL_RULEBOOK, calendar: createWorkingCalendar() };

describe('a read model knows which event store it was built from', () => {
  it('is rebuilt when the installation switches stores, and records the new one', async () => {
    const dir = tempDir();
    const store = new SqliteEventStore({ path: dir.file('events.sqlite'), synchronous: 'normal' });
    const readModelPath = dir.file('read-model.sqlite');
    const lines: string[] = [];
    const logger = { log: (m: unknown) => lines.push(String(m)), error: () => undefined, warn: () => undefined };
    try {
      await writeDemoHistory(new HistoryWriter(store));
      const sqlite = storeIdentityOf({ kind: 'sqlite', path: 'x' });
      expect(await rebuildOutdatedReadModel(store, readModelPath, { rules: RULES, logger, headCountsEvents: true, storeIdentity: sqlite })).not.toBeNull();
      expect(readModelStoreIdentityAt(readModelPath)).toBe('sqlite');
      // Same store again: nothing to do.
      expect(await rebuildOutdatedReadModel(store, readModelPath, { rules: RULES, logger, headCountsEvents: true, storeIdentity: sqlite })).toBeNull();

      // The installation now runs on EventStoreDB (the same events, copied by migrate-store): the
      // old checkpoint is an event count, not a position there, so the model is built again.
      const esdb = storeIdentityOf({ kind: 'eventstoredb', connectionString: 'esdb://x:2113', streamNamespace: 'county-a.' });
      lines.length = 0;
      expect(await rebuildOutdatedReadModel(store, readModelPath, { rules: RULES, logger, headCountsEvents: false, storeIdentity: esdb })).not.toBeNull();
      expect(lines.join('\n')).toContain('was built from another event store (sqlite, now eventstoredb:county-a.)');
      expect(readModelStoreIdentityAt(readModelPath)).toBe('eventstoredb:county-a.');
    } finally {
      await store.close();
      dir.remove();
    }
  });
});
