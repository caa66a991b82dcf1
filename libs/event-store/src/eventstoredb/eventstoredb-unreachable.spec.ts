import { WrongExpectedRevisionError } from '../port/errors';
import { event, withTimeout } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// The real client against a port nobody listens on: what the api sees while the server is down.
describe('EventStoreDB adapter with the server unreachable', () => {
  const logged: string[] = [];
  let store: EventStoreDbEventStore;
  beforeEach(() => {
    logged.length = 0;
    store = new EventStoreDbEventStore({ connectionString: 'esdb://127.0.0.1:1?tls=false', appendBudgetMs: 1000, log: (m) => logged.push(m) });
  });
  afterEach(() => store.close());

  it('fails an append with the connection error, not a concurrency error, once its retry budget is spent', async () => {
    const started = Date.now();
    const error = await store.appendToStream('suggestion-1', [event('SuggestionSubmitted')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(WrongExpectedRevisionError);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(logged.some((m) => m.includes('retry'))).toBe(true);
  });

  it('does not pass off an unreachable server as an empty stream', async () => {
    await expect(store.readStream('suggestion-1')).rejects.toMatchObject({ type: 'unavailable' });
  });

  it('keeps resubscribing with growing pauses, and ends when unsubscribed', async () => {
    const subscription = store.subscribeToAll();
    const waiting = subscription[Symbol.asyncIterator]().next();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    // 200 ms then 400 ms then 800 ms (less jitter): two or three attempts in 1.2 s, not hundreds.
    const attempts = logged.filter((m) => m.includes('resubscribing')).length;
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThanOrEqual(4);
    await subscription.unsubscribe();
    expect((await withTimeout(waiting, 1000, 'the subscription to end')).done).toBe(true);
  });
});
