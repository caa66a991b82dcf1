import type { EventStore } from '../port/event-store.port';

/**
 * Wraps a real store and "crashes" on the n-th append: before it reaches the store, or just
 * after it was committed (the caller never hears of the success). Used to interrupt migrations.
 */
export function crashOnAppend(store: EventStore, n: number, when: 'before' | 'after'): EventStore {
  let appends = 0;
  return {
    appendToStream: async (streamId, events, options) => {
      appends += 1;
      if (appends === n && when === 'before') throw new Error(`simulated crash before append ${n}`);
      const result = await store.appendToStream(streamId, events, options);
      if (appends === n && when === 'after') throw new Error(`simulated crash after append ${n}`);
      return result;
    },
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
}
