import { randomUUID } from 'node:crypto';
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

  // The same contract inside a stream namespace, as end-to-end runs on a shared server use it.
  describeEventStoreContract(
    'EventStoreDB in a stream namespace',
    async () => {
      const store = new EventStoreDbEventStore({ connectionString: server().connectionString, streamNamespace: `ns-${randomUUID().slice(0, 8)}-` });
      return { store, cleanup: () => store.close() };
    },
    { freshStore: false, liveTimeoutMs: 10_000 },
  );
});
