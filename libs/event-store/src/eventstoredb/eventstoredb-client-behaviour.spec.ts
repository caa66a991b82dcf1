import { GrpcClientStandIn } from '../testing/grpc-stand-in/grpc-client-stand-in';
import { StandInLog } from '../testing/grpc-stand-in/stand-in-log';
import { event, take, withTimeout } from '../testing/event-store.contract';
import { WrongExpectedRevisionError } from '../port/errors';
import { EventStoreReadTimeoutError } from './esdb-read';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * The adapter with the real @eventstore/db-client against a gRPC stand-in for client behaviour
 * (testing/grpc-stand-in: the client's own service definitions, not an EventStoreDB). What is
 * tested is what the client and adapter do: calls cancelled, deadlines, retries, reconnects.
 * Server semantics are the contract suite's, against real servers (eventstoredb-event-store.spec.ts).
 */
describe('EventStoreDB adapter against a gRPC stand-in for client behaviour', () => {
  const started: GrpcClientStandIn[] = [];
  const stores: EventStoreDbEventStore[] = [];
  const standIn = async (options?: Parameters<typeof GrpcClientStandIn.start>[0]): Promise<GrpcClientStandIn> => {
    const server = await GrpcClientStandIn.start(options);
    started.push(server);
    return server;
  };
  const storeOn = (server: GrpcClientStandIn, options: { readTimeoutMs?: number; streamNamespace?: string } = {}): EventStoreDbEventStore => {
    const store = new EventStoreDbEventStore({ connectionString: server.connectionString, log: () => undefined, ...options });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await Promise.all(started.splice(0).map((server) => server.stop()));
  });

  /** Events big enough that an unread remainder fills the HTTP/2 window and keeps the call open. */
  const bulky = (type: string) => event(type, { note: type, padding: 'x'.repeat(400) });

  describe('reads that end early', () => {
    it('cancel their call: more headPosition() calls than the connection has stream slots all answer', async () => {
      const server = await standIn({ maxConcurrentStreams: 10 });
      const store = storeOn(server);
      for (let i = 0; i < 30; i++) await store.appendToStream(`suggestion-${i}`, Array.from({ length: 10 }, (_, j) => bulky(`E${i}.${j}`)));
      const last = await store.appendToStream('suggestion-last', [event('Last')]);

      for (let i = 0; i < 25; i++) {
        expect(await withTimeout(store.headPosition(), 2000, `headPosition() call ${i + 1}`)).toEqual(last.position);
      }
      for (let i = 0; i < 25; i++) {
        const page = await withTimeout(store.readAll({ maxCount: 3 }), 2000, `readAll() call ${i + 1}`);
        expect(page).toHaveLength(3);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.openReads).toBe(0);
    });

    it('time out instead of waiting forever, and the stalled call is cancelled', async () => {
      const server = await standIn();
      const store = storeOn(server, { readTimeoutMs: 300 });
      await store.appendToStream('suggestion-1', [event('A')]);
      server.stallReads = true;

      const started = Date.now();
      await expect(store.readStream('suggestion-1')).rejects.toBeInstanceOf(EventStoreReadTimeoutError);
      await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreReadTimeoutError);
      expect(Date.now() - started).toBeLessThan(2000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.openReads).toBe(0);
    });
  });

  describe('appends during a leader change', () => {
    it('land exactly once when the answer to the first attempt was lost (Unavailable, DeadlineExceeded)', async () => {
      const server = await standIn();
      const store = storeOn(server);
      await store.appendToStream('suggestion-1', [event('A')], { expectedRevision: 'no_stream' });

      server.appendFaults.push('unavailable-after-write');
      const exact = await store.appendToStream('suggestion-1', [event('B1'), event('B2')], { expectedRevision: 0n });
      server.appendFaults.push('deadline-after-write');
      const any = await store.appendToStream('suggestion-1', [event('C')], { expectedRevision: 'any' });

      const stream = await store.readStream('suggestion-1');
      expect(stream.map((e) => e.type)).toEqual(['A', 'B1', 'B2', 'C']);
      expect(exact).toEqual({ nextExpectedRevision: 2n, position: stream[2]!.position });
      expect(any).toEqual({ nextExpectedRevision: 3n, position: stream[3]!.position });
      // 1 + 2 for the exact revision (the server accepts the repeat as done) + 1 for 'any' (the
      // adapter finds its own events at the stream's tail and does not send them again).
      expect(server.appendCalls).toBe(4);
    });

    it('retry after Unavailable and after NotLeader, reconnecting to the leader the follower names', async () => {
      const leader = await standIn();
      const follower = await standIn({ log: leader.log, leader: { host: '127.0.0.1', port: leader.port } });
      const store = storeOn(follower);

      follower.appendFaults.push('unavailable');
      // Unavailable, retried on the same node; NotLeader there, retried on the leader it names.
      const result = await store.appendToStream('suggestion-1', [event('A')], { expectedRevision: 'no_stream' });

      expect(result.nextExpectedRevision).toBe(0n);
      expect(leader.log.stream('suggestion-1')!.map((e) => e.type)).toEqual(['A']);
      expect(follower.appendCalls).toBe(2);
      expect(leader.appendCalls).toBe(1);
    });

    it('hash on from the leader: a follower behind the leader cannot make the chain restart from genesis', async () => {
      const leader = await standIn();
      const current = storeOn(leader);
      await current.appendToStream('suggestion-1', [event('A'), event('B')], { expectedRevision: 'no_stream' });
      // A follower that has not received the stream yet, and answers plain reads from its own log.
      const follower = await standIn({ log: new StandInLog(), leader: { host: '127.0.0.1', port: leader.port } });
      const store = storeOn(follower);

      await store.appendToStream('suggestion-1', [event('C')], { expectedRevision: 1n });

      const [, b, c] = await current.readStream('suggestion-1');
      expect(c!.metadata.prevHash).toBe(b!.metadata.hash);
    });

    it('refuse an exact revision the stream does not have as a conflict, writing nothing', async () => {
      const server = await standIn();
      const store = storeOn(server);
      await store.appendToStream('suggestion-1', [event('A')]);
      const calls = server.appendCalls;

      const error = await store.appendToStream('suggestion-1', [event('X')], { expectedRevision: 4n }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect((error as WrongExpectedRevisionError).actual).toBe(0n);
      expect(server.appendCalls).toBe(calls);
    });
  });

  describe('headPosition', () => {
    it('counts read marks (inbox- streams) as the embedded store does, and ignores other deployments on the server', async () => {
      const server = await standIn();
      const mine = storeOn(server, { streamNamespace: 'a-' });
      const theirs = storeOn(server, { streamNamespace: 'b-' });
      await mine.appendToStream('suggestion-1', [event('A')]);
      const mark = await mine.appendToStream('inbox-u1', [event('NotificationsRead')]);
      await theirs.appendToStream('suggestion-1', [event('Foreign')]);

      expect(await mine.headPosition()).toEqual(mark.position);
      expect((await mine.lastEvent())!.streamId).toBe('inbox-u1');
    });
  });

  describe('subscriptions', () => {
    it('resume from the last delivered position after the connection drops, without repeats or gaps', async () => {
      const server = await standIn();
      const store = storeOn(server);
      await store.appendToStream('suggestion-1', [event('A'), event('B')]);
      const subscription = store.subscribeToAll();
      try {
        expect((await take(subscription, 2, 3000)).map((e) => e.type)).toEqual(['A', 'B']);
        server.dropSubscriptions();
        await store.appendToStream('suggestion-1', [event('C')]);
        await store.appendToStream('suggestion-2', [event('D')]);
        expect((await take(subscription, 2, 5000)).map((e) => e.type)).toEqual(['C', 'D']);
      } finally {
        await subscription.unsubscribe();
      }
    });
  });
});
