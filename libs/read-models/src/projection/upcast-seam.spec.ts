import { CURRENT_EVENT_SCHEMA_VERSION } from '@duban/domain';
import { SqliteEventStore } from '@duban/event-store';
import { Projector } from '../projector/projector';
import { ReadModelQueries } from '../queries/read-model-queries';
import { LI } from '../testing/demo-scenario';
import { HistoryWriter } from '../testing/history-writer';
import { tempDir } from '../testing/temp-dir';

/** The projection reads every suggestion event through the domain's upcast(), which reads schemaVersion. */
describe('the read side’s upcast seam', () => {
  it('folds current events as before and sets aside one written by newer code instead of misreading it', async () => {
    const dir = tempDir();
    const store = new SqliteEventStore({ path: dir.file('events.sqlite'), synchronous: 'normal', pollIntervalMs: 50 });
    const writer = new HistoryWriter(store);
    const errors: string[] = [];
    const projector = new Projector(store, dir.file('read-model.sqlite'), { logger: { log: () => undefined, error: (m) => errors.push(m) } });
    try {
      await writer.submit('s-now', LI, '2026-04-01T01:00:00.000Z', '现行格式的建议', '内容');
      const future = await writer.submit('s-future', LI, '2026-04-01T02:00:00.000Z', '新版本写入的建议', '内容');
      // Re-append the same submission stamped by a newer schema on a stream of its own.
      const [written] = await store.readStream('suggestion-s-future');
      await store.appendToStream('suggestion-s-next', [
        {
          type: written!.type,
          data: { ...(written!.data as object), suggestionId: 's-next' },
          metadata: { ...written!.metadata, eventId: 'e-next', schemaVersion: CURRENT_EVENT_SCHEMA_VERSION + 1, hash: undefined, prevHash: undefined },
        },
      ]);
      await projector.start();
      expect(await projector.waitFor(future.position, 5000)).toBe(true);
      const queries = new ReadModelQueries(projector.database);
      expect(queries.getSuggestion('s-now')).toMatchObject({ status: 'submitted' });
      expect(queries.getSuggestion('s-next')).toBeNull();
      expect(projector.status().parked).toEqual([expect.objectContaining({ streamId: 'suggestion-s-next', revision: 0 })]);
      expect(projector.status().parked[0]!.error).toMatch(new RegExp(`schemaVersion ${CURRENT_EVENT_SCHEMA_VERSION + 1}`));
    } finally {
      await projector.close();
      await store.close();
      dir.remove();
    }
  });
});
