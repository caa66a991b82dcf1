import { describeEventStoreContract } from '../testing/event-store.contract';
import { describeWithEventStoreDb } from '../testing/eventstoredb-test-server';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

describeWithEventStoreDb('EventStoreDB adapter', (server) => {
  // The server is shared by every test of the file: the contract keeps each test to its own streams.
  describeEventStoreContract(
    'EventStoreDB',
    async () => {
      const store = new EventStoreDbEventStore({ connectionString: server().connectionString });
      return { store, cleanup: () => store.close() };
    },
    { freshStore: false, liveTimeoutMs: 10_000 },
  );
});
