import { ErrorType, UnknownError, convertToCommandError, type EventStoreDBClient, type SubscribeToAllOptions } from '@eventstore/db-client';
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { Readable } from 'node:stream';
import { take, withTimeout } from '../testing/event-store.contract';
import { EsdbSubscription } from './esdb-subscription';

/**
 * The reconnect logic is what these tests are about, so the server side is a scripted stand-in:
 * each subscribeToAll call gets the next script, whose stream delivers events and then fails,
 * ends or stays open. The real client and server are covered by the contract suite.
 */
type Script = { events: bigint[]; then: 'fail' | 'end' | 'stay-open' | 'fatal' | 'invalid-argument' };

function scriptedClient(scripts: Script[]): { client: EventStoreDBClient; calls: SubscribeToAllOptions[] } {
  const calls: SubscribeToAllOptions[] = [];
  const client = {
    subscribeToAll(options: SubscribeToAllOptions) {
      calls.push(options);
      const script = scripts[calls.length - 1] ?? { events: [], then: 'stay-open' };
      const stream = new Readable({ objectMode: true, read() {} }) as Readable & { unsubscribe(): Promise<void> };
      stream.unsubscribe = async () => {
        stream.push(null);
      };
      setImmediate(() => {
        for (const commit of script.events) stream.push(resolved(commit));
      });
      // Later, so the events above are consumed first (destroy would discard what is buffered).
      setTimeout(() => {
        if (script.then === 'fail') stream.destroy(Object.assign(new Error('server went away'), { type: ErrorType.UNAVAILABLE }));
        if (script.then === 'fatal') stream.destroy(Object.assign(new Error('access denied'), { type: ErrorType.ACCESS_DENIED }));
        // What 6.2.1 makes of a gRPC INVALID_ARGUMENT status (a malformed filter, say): an UnknownError.
        if (script.then === 'invalid-argument') stream.destroy(convertToCommandError(invalidArgument()));
        if (script.then === 'end') stream.push(null);
      }, 30);
      return stream;
    },
  };
  return { client: client as unknown as EventStoreDBClient, calls };
}

function invalidArgument(): ServiceError {
  return Object.assign(new Error('3 INVALID_ARGUMENT: bad filter'), { code: status.INVALID_ARGUMENT, details: 'bad filter', metadata: new Metadata() });
}

function resolved(commit: bigint): unknown {
  return {
    event: {
      streamId: commit === 99n ? '$stats-node' : 'suggestion-1',
      id: `00000000-0000-4000-8000-${commit.toString().padStart(12, '0')}`,
      revision: commit,
      type: commit === 99n ? '$statsCollected' : `E${commit}`,
      data: {},
      metadata: { eventId: String(commit) },
      isJson: true,
      created: new Date(0),
      position: { commit, prepare: commit },
    },
  };
}

const options = (ended: () => void) => ({ prefixes: ['suggestion-'], onEnd: ended, log: () => undefined });

describe('EventStoreDB subscription reconnects', () => {
  it('resubscribes from the last delivered position after a drop, without repeating or losing events', async () => {
    const { client, calls } = scriptedClient([
      { events: [1n, 2n], then: 'fail' },
      { events: [2n, 3n, 99n], then: 'end' },
      { events: [4n], then: 'stay-open' },
    ]);
    let ended = 0;
    const subscription = new EsdbSubscription(client, options(() => (ended += 1)));

    const received = await take(subscription, 4, 5000);
    await subscription.unsubscribe();

    expect(received.map((e) => e.type)).toEqual(['E1', 'E2', 'E3', 'E4']);
    expect(calls.map((c) => c.fromPosition)).toEqual(['start', { commit: 2n, prepare: 2n }, { commit: 3n, prepare: 3n }]);
    expect(ended).toBe(1);
  });

  it('starts strictly after the position it was given', async () => {
    const { client, calls } = scriptedClient([{ events: [5n, 6n], then: 'stay-open' }]);
    const subscription = new EsdbSubscription(client, { ...options(() => undefined), after: { commit: 5n, prepare: 5n } });
    const [first] = await take(subscription, 1, 2000);
    await subscription.unsubscribe();
    expect(first!.type).toBe('E6');
    expect(calls[0]!.fromPosition).toEqual({ commit: 5n, prepare: 5n });
  });

  it('gives up on errors a reconnect cannot fix, and passes them to the consumer', async () => {
    const { client, calls } = scriptedClient([{ events: [], then: 'fatal' }]);
    const subscription = new EsdbSubscription(client, options(() => undefined));
    await expect(subscription[Symbol.asyncIterator]().next()).rejects.toThrow('access denied');
    expect(calls).toHaveLength(1);
  });

  it('gives up on a rejected request (INVALID_ARGUMENT, which the client reports as an unknown error)', async () => {
    const { client, calls } = scriptedClient([{ events: [], then: 'invalid-argument' }]);
    const subscription = new EsdbSubscription(client, options(() => undefined));
    const error = await subscription[Symbol.asyncIterator]().next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownError);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toHaveLength(1);
  });

  it('ends a consumer waiting through a backoff as soon as it unsubscribes', async () => {
    const { client } = scriptedClient([{ events: [], then: 'fail' }, { events: [], then: 'fail' }, { events: [], then: 'fail' }]);
    const subscription = new EsdbSubscription(client, options(() => undefined));
    const waiting = subscription[Symbol.asyncIterator]().next();
    await new Promise((resolve) => setTimeout(resolve, 250));
    await subscription.unsubscribe();
    expect((await withTimeout(waiting, 1000, 'the subscription to end')).done).toBe(true);
  });
});
