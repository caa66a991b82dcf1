import { randomUUID } from 'node:crypto';
import { describeWithEventStoreDb, type EventStoreDbTestServer } from './eventstoredb-test-server';

/** Service environment variables that put a test server on EventStoreDB. */
export type EventStoreEnv = Record<string, string>;

/**
 * The environment for a service on this EventStoreDB server, in a namespace of its own: a
 * shared server keeps earlier runs' streams (accounts, suggestions), and the service must start
 * on what looks like an empty store to create its first admin.
 */
export function eventStoreDbEnv(server: EventStoreDbTestServer, namespace = `e2e-${randomUUID().slice(0, 8)}-`): EventStoreEnv {
  return { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: server.connectionString, EVENTSTORE_STREAM_NAMESPACE: namespace };
}

/**
 * Declares an end-to-end suite twice: on the embedded store (always), and on EventStoreDB where
 * one is reachable (EVENTSTORE_CONNECTION_STRING or Docker) — otherwise that half is reported as
 * skipped with the reason printed, never as passed. `storeEnv()` gives the variables to pass to
 * the service (empty for the embedded store); call it in beforeAll, not while declaring.
 *
 *     describeOnEachEventStore('the whole lifecycle over HTTP', (storeEnv) => {
 *       beforeAll(async () => { t = await startTestApp(storeEnv()); });
 *       …
 *     });
 */
export function describeOnEachEventStore(name: string, body: (storeEnv: () => EventStoreEnv) => void): void {
  describe(`${name} [embedded store]`, () => body(() => ({})));
  describeWithEventStoreDb(`${name} [EventStoreDB]`, (server) => {
    // One namespace for the whole block, so a restart within it finds its own data again.
    const namespace = `e2e-${randomUUID().slice(0, 8)}-`;
    body(() => eventStoreDbEnv(server(), namespace));
  });
}
