import { eventStoreDbEnv } from './event-store-switch';

describe('the switch that runs end-to-end tests on EventStoreDB as well', () => {
  it('puts each service on its own namespace of the shared server', () => {
    const server = { connectionString: 'esdb://db:2113?tls=false' };
    const a = eventStoreDbEnv(server);
    const b = eventStoreDbEnv(server);
    expect(a).toMatchObject({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://db:2113?tls=false' });
    expect(a.EVENTSTORE_STREAM_NAMESPACE).toMatch(/^e2e-[0-9a-f]{8}-$/);
    expect(a.EVENTSTORE_STREAM_NAMESPACE).not.toBe(b.EVENTSTORE_STREAM_NAMESPACE);
    expect(eventStoreDbEnv(server, 'fixed-').EVENTSTORE_STREAM_NAMESPACE).toBe('fixed-');
  });
});
