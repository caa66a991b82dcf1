import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@duban/domain';
import type { EventStore, ExpectedRevision, NewEvent, Position, RecordedEvent, Subscription } from '../port/event-store.port';
import { WrongExpectedRevisionError } from '../port/errors';
import { comparePositions } from '../port/position';
import { AuditHashMismatchError } from '../audit/audit-errors';
import { GENESIS_HASH } from '../audit/audit-hash';
import { verifyStreamChain } from '../audit/verify-stream-chain';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

export interface EventStoreUnderTest {
  store: EventStore;
  cleanup: () => Promise<void>;
}

export interface EventStoreContractOptions {
  /**
   * True when every factory call gives an empty store (the embedded one). A shared server holds
   * other tests' events, so then each test only looks at its own streams and positions.
   */
  freshStore?: boolean;
  /** How long a live event may take to reach a subscriber. */
  liveTimeoutMs?: number;
}

/**
 * What every EventStore adapter must do. Each test writes to streams under its own prefix
 * (inside `suggestion-`, a product prefix), so the suite also runs against a shared server.
 */
export function describeEventStoreContract(
  name: string,
  factory: () => Promise<EventStoreUnderTest>,
  options: EventStoreContractOptions = {},
): void {
  const liveTimeoutMs = options.liveTimeoutMs ?? 5000;

  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;
    let run: string;
    let headBefore: Position | undefined;
    const stream = (suffix: string): string => `${run}-${suffix}`;
    const mine = (): { after?: Position; streamPrefixes: string[] } => ({ after: headBefore, streamPrefixes: [`${run}-`] });

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
      run = `suggestion-t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      headBefore = (await store.headPosition()) ?? undefined;
    });

    afterEach(async () => {
      await cleanup();
    });

    describe('appendToStream', () => {
      it('creates a stream with no_stream, any or -1n, counting revisions from 0', async () => {
        const a = await store.appendToStream(stream('a'), [event('A')], { expectedRevision: 'no_stream' });
        const b = await store.appendToStream(stream('b'), [event('B1'), event('B2')], { expectedRevision: 'any' });
        const c = await store.appendToStream(stream('c'), [event('C')], { expectedRevision: -1n });
        const d = await store.appendToStream(stream('d'), [event('D')]);

        expect([a.nextExpectedRevision, b.nextExpectedRevision, c.nextExpectedRevision, d.nextExpectedRevision]).toEqual([0n, 1n, 0n, 0n]);
        expect((await store.readStream(stream('b'))).map((e) => [e.revision, e.type])).toEqual([
          [0n, 'B1'],
          [1n, 'B2'],
        ]);
      });

      it('appends at the expected revision and returns the new revision and the position of the last event', async () => {
        await store.appendToStream(stream('s'), [event('First')], { expectedRevision: 'no_stream' });
        const second = await store.appendToStream(stream('s'), [event('Second'), event('Third')], { expectedRevision: 0n });
        const fourth = await store.appendToStream(stream('s'), [event('Fourth')], { expectedRevision: 'stream_exists' });

        expect(second.nextExpectedRevision).toBe(2n);
        expect(fourth.nextExpectedRevision).toBe(3n);
        const read = await store.readStream(stream('s'));
        expect(read.map((e) => e.type)).toEqual(['First', 'Second', 'Third', 'Fourth']);
        expect(read[2]!.position).toEqual(second.position);
        expect(read[3]!.position).toEqual(fourth.position);
      });

      it('refuses a wrong expected revision in every form, reports the actual revision and writes nothing', async () => {
        const existing = stream('existing');
        const missing = stream('missing');
        await store.appendToStream(existing, [event('One'), event('Two')], { expectedRevision: 'no_stream' });

        const attempts: [string, ExpectedRevision, bigint][] = [
          [existing, 'no_stream', 1n],
          [existing, 0n, 1n],
          [existing, 5n, 1n],
          [missing, 'stream_exists', -1n],
          [missing, 0n, -1n],
        ];
        const refused: NewEvent[] = [];
        for (const [streamId, expected, actual] of attempts) {
          const attempt = event('Refused');
          refused.push(attempt);
          const error = await rejection(store.appendToStream(streamId, [attempt], { expectedRevision: expected }));
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
          const wrong = error as WrongExpectedRevisionError;
          expect([wrong.streamId, wrong.expected, wrong.actual]).toEqual([streamId, expected, actual]);
        }

        expect((await store.readStream(existing)).map((e) => e.type)).toEqual(['One', 'Two']);
        expect(await store.readStream(missing)).toEqual([]);
        expect(await store.readAll({ ...mine() })).toHaveLength(2);
        // Nothing of a refused append stays behind, not even its event id.
        const again = await store.appendToStream(existing, [refused[0]!], { expectedRevision: 1n });
        expect(again.nextExpectedRevision).toBe(2n);
      });

      it('recognises a retried append and answers with the first result, writing nothing twice', async () => {
        const s = stream('retry');
        const first = [event('A'), event('B')];
        const r1 = await store.appendToStream(s, first, { expectedRevision: 'no_stream' });
        const r1Again = await store.appendToStream(s, first, { expectedRevision: 'no_stream' });
        expect(r1Again).toEqual(r1);

        const next = [event('C')];
        const r2 = await store.appendToStream(s, next, { expectedRevision: 1n });
        const r2Again = await store.appendToStream(s, next, { expectedRevision: 1n });
        expect(r2Again).toEqual(r2);

        const read = await store.readStream(s);
        expect(read.map((e) => e.metadata.eventId)).toEqual([...first, ...next].map((e) => e.metadata.eventId));
        expect(await store.readAll({ ...mine() })).toHaveLength(3);
      });

      it('lets exactly one of several concurrent appends with the same expected revision win', async () => {
        const s = stream('race');
        await store.appendToStream(s, [event('Start')], { expectedRevision: 'no_stream' });

        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) => store.appendToStream(s, [event(`Racer${i}`)], { expectedRevision: 0n })),
        );

        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(7);
        for (const o of lost) {
          expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect((o.reason as WrongExpectedRevisionError).actual).toBe(1n);
        }
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('accepts concurrent appends to different streams, each at its own position', async () => {
        const results = await Promise.all(
          Array.from({ length: 32 }, (_, i) => store.appendToStream(stream(`w${i}`), [event('Written')], { expectedRevision: 'no_stream' })),
        );

        expect(results.every((r) => r.nextExpectedRevision === 0n)).toBe(true);
        const positions = new Set(results.map((r) => `${r.position.commit}:${r.position.prepare}`));
        expect(positions.size).toBe(32);
        const all = await store.readAll({ ...mine() });
        expect(new Set(all.map((e) => e.streamId)).size).toBe(32);
      });
    });

    describe('audit chain', () => {
      it('links every event to the previous one of its stream: genesis first, then each hash, all verifiable', async () => {
        const s = stream('chain');
        await store.appendToStream(s, [event('A'), event('B')], { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('other'), [event('Elsewhere')]);
        await store.appendToStream(s, [event('C')], { expectedRevision: 1n });
        await store.appendToStream(s, [event('D', { 内容: '中文', n: 1.5, list: [{ b: 1, a: 2 }] })], { expectedRevision: 'stream_exists' });
        await store.appendToStream(s, [event('E')]);

        const read = await store.readStream(s);
        expect(read.map((e) => e.metadata.prevHash)).toEqual([GENESIS_HASH, ...read.slice(0, -1).map((e) => e.metadata.hash)]);
        expect(new Set(read.map((e) => e.metadata.hash)).size).toBe(5);
        expect(verifyStreamChain(read)).toEqual({ ok: true, events: 5 });
        // Each hash covers its own event: the same content one revision later or in another stream hashes differently.
        const [first] = await store.readStream(stream('other'));
        expect(first!.metadata.prevHash).toBe(GENESIS_HASH);
      });

      it('keeps one unbroken chain when concurrent appends with any race for the same stream', async () => {
        const s = stream('chain-race');
        await Promise.all(Array.from({ length: 8 }, (_, i) => store.appendToStream(s, [event(`Racer${i}`), event(`Racer${i}b`)], { expectedRevision: 'any' })));
        const read = await store.readStream(s);
        expect(read).toHaveLength(16);
        expect(verifyStreamChain(read)).toEqual({ ok: true, events: 16 });
      });

      it('recognises a retried append with any and keeps the chain', async () => {
        const s = stream('chain-retry');
        const events = [event('A'), event('B')];
        const first = await store.appendToStream(s, events, { expectedRevision: 'any' });
        expect(await store.appendToStream(s, events, { expectedRevision: 'any' })).toEqual(first);
        const read = await store.readStream(s);
        expect(read.map((e) => e.type)).toEqual(['A', 'B']);
        expect(verifyStreamChain(read).ok).toBe(true);
      });

      it('refuses a copied event whose hash does not fit where it would land, writing nothing', async () => {
        await store.appendToStream(stream('source'), [event('Original')]);
        const [stored] = await store.readStream(stream('source'));
        // A new id (the old one is taken), the original's hash: this copy does not hash to what it carries.
        const copy = { type: stored!.type, data: stored!.data, metadata: { ...stored!.metadata, eventId: randomUUID() } };
        const error = await rejection(store.appendToStream(stream('elsewhere'), [copy], { expectedRevision: 'no_stream' }));
        expect(error).toBeInstanceOf(AuditHashMismatchError);
        expect(await store.readStream(stream('elsewhere'))).toEqual([]);
      });
    });

    describe('readStream', () => {
      it('reads a missing stream as an empty history', async () => {
        expect(await store.readStream(stream('never-written'))).toEqual([]);
      });

      it('reads from a revision (inclusive) and at most maxCount events', async () => {
        const s = stream('five');
        await store.appendToStream(s, [0, 1, 2, 3, 4].map((i) => event(`E${i}`)), { expectedRevision: 'no_stream' });

        const revisions = async (o: { fromRevision?: bigint; maxCount?: number }): Promise<bigint[]> =>
          (await store.readStream(s, o)).map((e) => e.revision);
        expect(await revisions({ fromRevision: 2n })).toEqual([2n, 3n, 4n]);
        expect(await revisions({ maxCount: 2 })).toEqual([0n, 1n]);
        expect(await revisions({ fromRevision: 3n, maxCount: 1 })).toEqual([3n]);
        expect(await revisions({ fromRevision: 10n })).toEqual([]);
      });

      it('gives back type, data and metadata exactly as appended, Chinese text and nesting included', async () => {
        const s = stream('round-trip');
        const data = {
          title: '关于加强社区养老服务设施建设的建议',
          content: '建议：一、增加财政投入；二、完善“15分钟养老服务圈”。',
          coSignerIds: ['张三', '李四'],
          nested: { level: { deeper: [1, '二', { 三: true, none: null }] }, empty: {}, list: [] },
          amount: 12.5,
        };
        const metadata: EventMetadata = {
          eventId: randomUUID(),
          actor: { userId: 'unit-user-1', role: 'unit', unitId: '市住房和城乡建设局' },
          occurredAt: '2026-10-08T01:30:00.000Z',
          correlationId: randomUUID(),
          causationId: randomUUID(),
          schemaVersion: 2,
        };
        const withoutCause = event('SuggestionAccepted', { assignDueAt: '2026-10-22T15:59:59.999Z' });
        await store.appendToStream(s, [{ type: 'SuggestionSubmitted', data, metadata }, withoutCause], { expectedRevision: 'no_stream' });

        // The store adds the audit chain's two fields to the metadata; everything else comes back unchanged.
        const chained = { hash: expect.stringMatching(HEX_SHA256), prevHash: expect.stringMatching(HEX_SHA256) };
        for (const read of [await store.readStream(s), await store.readAll({ ...mine() })]) {
          expect(read.map((e) => ({ streamId: e.streamId, revision: e.revision, type: e.type, data: e.data, metadata: e.metadata }))).toEqual([
            { streamId: s, revision: 0n, type: 'SuggestionSubmitted', data, metadata: { ...metadata, ...chained } },
            { streamId: s, revision: 1n, type: 'SuggestionAccepted', data: withoutCause.data, metadata: { ...withoutCause.metadata, ...chained } },
          ]);
        }
      });
    });

    describe('readAll', () => {
      it('returns all streams in one global order with strictly increasing positions', async () => {
        const order: [string, string][] = [
          ['a', 'A1'],
          ['b', 'B1'],
          ['a', 'A2'],
          ['c', 'C1'],
          ['b', 'B2'],
        ];
        const appended: Position[] = [];
        for (const [suffix, type] of order) appended.push((await store.appendToStream(stream(suffix), [event(type)])).position);

        const all = await store.readAll({ ...mine() });
        expect(all.map((e) => [e.streamId, e.type])).toEqual(order.map(([suffix, type]) => [stream(suffix), type]));
        expect(all.map((e) => e.position)).toEqual(appended);
        expectStrictlyIncreasing(all);
      });

      it('reads strictly after `after`, and pages of maxCount join up to the whole', async () => {
        for (let i = 0; i < 7; i++) await store.appendToStream(stream(i % 2 === 0 ? 'even' : 'odd'), [event(`E${i}`)]);
        const all = await store.readAll({ ...mine() });
        expect(all.map((e) => e.type)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6']);

        const afterThird = await store.readAll({ ...mine(), after: all[2]!.position });
        expect(afterThird.map((e) => e.type)).toEqual(['E3', 'E4', 'E5', 'E6']);

        const paged: RecordedEvent[] = [];
        let after = headBefore;
        for (;;) {
          const page = await store.readAll({ ...mine(), after, maxCount: 3 });
          expect(page.length).toBeLessThanOrEqual(3);
          if (page.length === 0) break;
          paged.push(...page);
          after = page[page.length - 1]!.position;
        }
        expect(paged.map((e) => e.metadata.eventId)).toEqual(all.map((e) => e.metadata.eventId));
        expectStrictlyIncreasing(paged);
      });

      it('returns only streams starting with one of the given prefixes', async () => {
        await store.appendToStream(stream('x-1'), [event('X1')]);
        await store.appendToStream(stream('y-1'), [event('Y1')]);
        await store.appendToStream(stream('z-1'), [event('Z1')]);
        await store.appendToStream(stream('x-2'), [event('X2')]);

        const filtered = await store.readAll({ after: headBefore, streamPrefixes: [stream('x-'), stream('y-')] });
        expect(filtered.map((e) => e.type)).toEqual(['X1', 'Y1', 'X2']);
      });

      it('reports the head position: the last appended event or later', async () => {
        if (options.freshStore) {
          expect(await store.headPosition()).toBeNull();
          expect(await store.readAll()).toEqual([]);
        }
        await store.appendToStream(stream('h'), [event('H1')]);
        const last = await store.appendToStream(stream('h'), [event('H2')]);
        const head = await store.headPosition();
        expect(head).not.toBeNull();
        if (options.freshStore) expect(head).toEqual(last.position);
        else expect(comparePositions(head!, last.position)).toBeGreaterThanOrEqual(0);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up on history, then delivers live events of the chosen streams, and ends when unsubscribed', async () => {
        for (const type of ['Old1', 'Old2', 'Old3']) await store.appendToStream(stream('sub'), [event(type)]);
        const subscription = store.subscribeToAll({ ...mine() });
        try {
          expect((await take(subscription, 3, liveTimeoutMs)).map((e) => e.type)).toEqual(['Old1', 'Old2', 'Old3']);

          await store.appendToStream(`unit-${run}`, [event('NotMine')]);
          await store.appendToStream(stream('sub'), [event('Live1')]);
          await store.appendToStream(stream('other'), [event('Live2')]);
          const live = await take(subscription, 2, liveTimeoutMs);
          expect(live.map((e) => e.type)).toEqual(['Live1', 'Live2']);
          expect(live[1]!.streamId).toBe(stream('other'));
        } finally {
          await subscription.unsubscribe();
        }
        const end = await withTimeout(subscription[Symbol.asyncIterator]().next(), 2000, 'end of the subscription');
        expect(end.done).toBe(true);
      });

      it('resumes strictly after a given position', async () => {
        const appended: Position[] = [];
        for (const type of ['R0', 'R1', 'R2', 'R3']) appended.push((await store.appendToStream(stream('resume'), [event(type)])).position);

        const subscription = store.subscribeToAll({ after: appended[1], streamPrefixes: [`${run}-`] });
        try {
          const received = await take(subscription, 2, liveTimeoutMs);
          expect(received.map((e) => e.type)).toEqual(['R2', 'R3']);
          expect(received.map((e) => e.position)).toEqual(appended.slice(2));
        } finally {
          await subscription.unsubscribe();
        }
      });

      it('ends a consumer that is waiting for the next event promptly on unsubscribe', async () => {
        const subscription = store.subscribeToAll({ ...mine() });
        const waiting = subscription[Symbol.asyncIterator]().next();
        await new Promise((resolve) => setTimeout(resolve, 100));
        const started = Date.now();
        await subscription.unsubscribe();
        const result = await withTimeout(waiting, 2000, 'the waiting consumer to be released');
        expect(result.done).toBe(true);
        expect(Date.now() - started).toBeLessThan(1000);
      });
    });
  });
}

/** A new event with a fresh id and complete metadata. */
export function event(type: string, data: unknown = { note: type }): NewEvent {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      actor: { userId: 'staff-1', role: 'staff' },
      occurredAt: new Date('2026-09-30T08:00:00.000Z').toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the append to be refused, but it succeeded');
}

function expectStrictlyIncreasing(events: RecordedEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    expect(comparePositions(events[i - 1]!.position, events[i]!.position)).toBe(-1);
  }
}

/** The next `count` events of a subscription, or a failure naming how many came in time. */
export async function take(subscription: Subscription, count: number, timeoutMs: number): Promise<RecordedEvent[]> {
  const iterator = subscription[Symbol.asyncIterator]();
  const received: RecordedEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  while (received.length < count) {
    const next = await withTimeout(iterator.next(), Math.max(1, deadline - Date.now()), `event ${received.length + 1} of ${count}`);
    if (next.done) throw new Error(`subscription ended after ${received.length} of ${count} events`);
    received.push(next.value);
  }
  return received;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
