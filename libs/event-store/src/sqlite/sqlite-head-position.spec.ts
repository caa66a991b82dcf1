import * as path from 'node:path';
import { event } from '../testing/event-store.contract';
import { makeTempDir } from '../testing/temp-dir';
import { SqliteEventStore } from './sqlite-event-store';

// The two adapters count the same streams for the head, so a position the api handed out is judged alike on both.
describe('SqliteEventStore headPosition', () => {
  it("is the last event of the product's streams (read marks included), not of any other stream", async () => {
    const temp = makeTempDir('head');
    const store = new SqliteEventStore({ path: path.join(temp.dir, 'events.sqlite') });
    try {
      await store.appendToStream('suggestion-1', [event('SuggestionSubmitted')]);
      const mark = await store.appendToStream('inbox-u1', [event('NotificationsRead')]);
      await store.appendToStream('scratch-1', [event('NotTheProducts')]);
      expect(await store.headPosition()).toEqual(mark.position);
    } finally {
      await store.close();
      temp.remove();
    }
  });
});
