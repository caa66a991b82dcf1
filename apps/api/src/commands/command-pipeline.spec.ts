import { Global, Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  Actor,
  CURRENT_EVENT_SCHEMA_VERSION,
  DomainError,
  SuggestionCommand,
  UnknownSchemaVersionError,
  createWorkingCalendar,
  getRulebook,
  suggestionStreamId,
  userStreamId,
} from '@duban/domain';
import { EVENT_STORE, EventStore, NewEvent, RecordedEvent, SqliteEventStore } from '@duban/event-store';
import { RunUserCommand, USER_STREAM } from '../accounts/account-streams';
import { Clock, ManualClock } from '../clock/clock';
import { newEventMetadata } from '../events/new-event-metadata';
import { IdempotencyKeyReusedError } from '../idempotency/idempotency-key-reused.error';
import type { IdempotencyRequest } from '../idempotency/idempotency-request';
import { RULEBOOK, WORKING_CALENDAR } from '../infrastructure/tokens';
import { ApiMetrics } from '../observability/metrics/api-metrics';
import { ConcurrencyExhaustedError } from './concurrency-exhausted.error';
import type { CommandOutcome, RunOptions } from './command-outcome';
import { CommandPipeline, MAX_RETRIES } from './command-pipeline';
import { CommandsModule } from './commands.module';
import { RevisionMismatchError } from './revision-mismatch.error';
import type { StreamKind } from './stream-kind';
import { RunSuggestionCommand, SUGGESTION_STREAM } from '../suggestions/execution/suggestion-stream';

const DEPUTY: Actor = { userId: 'deputy1', role: 'deputy' };
const OTHER_DEPUTY: Actor = { userId: 'deputy2', role: 'deputy' };
const STAFF: Actor = { userId: 'staff1', role: 'staff' };
const SUPERVISOR: Actor = { userId: 'super1', role: 'supervisor' };
const ADMIN: Actor = { userId: 'admin', role: 'admin' };
const ID = 's-1';
const STREAM = suggestionStreamId(ID);
const NOW = '2026-03-02T02:00:00.000Z';

const submit = (id = ID): SuggestionCommand => ({ type: 'SubmitSuggestion', data: { suggestionId: id, title: '标题', content: '内容', coSignerIds: [] } });
const accept: SuggestionCommand = { type: 'AcceptSuggestion', data: {} };
const urge: SuggestionCommand = { type: 'UrgeSuggestion', data: { note: '请抓紧办理' } };
const keyed = (key: string, fingerprint: string): IdempotencyRequest => ({ key, fingerprint });

/**
 * The real SQLite store, with one twist: before the next `races` appends to the watched stream,
 * another writer gets in first, exactly between the pipeline's read and its append.
 */
class StoreWithRivals implements EventStore {
  races = 0;
  constructor(
    private readonly inner: EventStore,
    private readonly watched: string,
  ) {}
  async appendToStream(streamId: string, events: NewEvent[], options?: Parameters<EventStore['appendToStream']>[2]) {
    if (this.races > 0 && streamId === this.watched) {
      this.races--;
      const rival = { type: 'SuggestionUrged', data: { note: '另一位督办人的催办' }, metadata: newEventMetadata(SUPERVISOR, NOW, 'rival', null) };
      await this.inner.appendToStream(streamId, [rival], { expectedRevision: 'any' });
    }
    return this.inner.appendToStream(streamId, events, options);
  }
  readStream(...args: Parameters<EventStore['readStream']>) {
    return this.inner.readStream(...args);
  }
  readAll(...args: Parameters<EventStore['readAll']>) {
    return this.inner.readAll(...args);
  }
  subscribeToAll(...args: Parameters<EventStore['subscribeToAll']>) {
    return this.inner.subscribeToAll(...args);
  }
  headPosition() {
    return this.inner.headPosition();
  }
  close() {
    return this.inner.close();
  }
}

/**
 * A counter whose `Counted` event was once written as `{ n }` (schemaVersion 0) and is now
 * `{ by }`: the kind's upcast lifts old events, and the decider only knows the new shape.
 */
type CounterEvent = { type: 'Counted'; data: { by: number } };
type CounterCommand = { type: 'Count'; data: { by: number; max: number } };
const COUNTER: StreamKind<number, CounterCommand, CounterEvent> = {
  name: 'counter',
  streamId: (id) => `counter-${id}`,
  decider: {
    initialState: () => 0,
    evolve: (total, event) => total + event.data.by,
    decide: (command, total) => {
      if (total + command.data.by > command.data.max) throw new DomainError('counter.over', `计数将超过 ${command.data.max}`, 'conflict');
      return [{ type: 'Counted', data: { by: command.data.by } }];
    },
  },
  upcast: (recorded: RecordedEvent) =>
    recorded.metadata.schemaVersion === 0
      ? { ...recorded, data: { by: (recorded.data as { n: number }).n }, metadata: { ...recorded.metadata, schemaVersion: 1 } }
      : recorded,
  exhausted: (streamId, attempts) => new ConcurrencyExhaustedError(streamId, attempts),
};

describe('CommandPipeline (given a stream, when a command runs, then the store holds / the caller gets)', () => {
  let dir: string;
  let sqlite: SqliteEventStore;
  let store: StoreWithRivals;
  let pipeline: CommandPipeline;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'duban-pipeline-'));
    sqlite = new SqliteEventStore({ path: path.join(dir, 'events.sqlite') });
    store = new StoreWithRivals(sqlite, STREAM);
    pipeline = new CommandPipeline(store, getRulebook('national'), createWorkingCalendar(), new ManualClock(new Date(NOW)), new ApiMetrics());
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (command: SuggestionCommand, actor: Actor, options: Partial<RunOptions> = {}): Promise<CommandOutcome> =>
    pipeline.run(SUGGESTION_STREAM, ID, command, actor, { correlationId: 'corr-1', causationId: 'req-1', ...options });
  const types = async (streamId = STREAM) => (await store.readStream(streamId)).map((e) => e.type);
  /** Given: a suggestion submitted and accepted (revision 1). */
  const givenAccepted = async () => {
    await run(submit(), DEPUTY);
    await run(accept, STAFF);
  };

  it('appends the decided events with their metadata and answers {id, revision, position}', async () => {
    await givenAccepted();
    const outcome = await run(urge, SUPERVISOR);
    expect(outcome).toEqual({ id: ID, revision: 2, position: expect.any(String) });
    const stored = (await store.readStream(STREAM))[2]!;
    expect(stored.metadata).toMatchObject({ actor: SUPERVISOR, occurredAt: NOW, correlationId: 'corr-1', causationId: 'req-1', schemaVersion: CURRENT_EVENT_SCHEMA_VERSION });
  });

  describe('concurrency', () => {
    it('a race lost without If-Match is re-read and re-decided', async () => {
      await givenAccepted();
      store.races = 1;
      const outcome = await run(urge, SUPERVISOR);
      expect(outcome.revision).toBe(3);
      expect(await types()).toEqual(['SuggestionSubmitted', 'SuggestionAccepted', 'SuggestionUrged', 'SuggestionUrged']);
    });

    it(`after ${MAX_RETRIES} retries it gives up with the kind's conflict (409), having appended nothing of its own`, async () => {
      await givenAccepted();
      store.races = MAX_RETRIES + 1;
      await expect(run(urge, SUPERVISOR)).rejects.toBeInstanceOf(ConcurrencyExhaustedError);
      const stored = await store.readStream(STREAM);
      expect(stored.filter((e) => e.metadata.correlationId === 'rival')).toHaveLength(MAX_RETRIES + 1);
      expect(stored).toHaveLength(2 + MAX_RETRIES + 1);
    });

    it('a stale If-Match is a 412 before anything is decided or appended', async () => {
      await givenAccepted();
      await expect(run(urge, SUPERVISOR, { expectedRevision: 0 })).rejects.toEqual(expect.any(RevisionMismatchError));
      await expect(run(urge, SUPERVISOR, { expectedRevision: 0 })).rejects.toMatchObject({ expectedRevision: 0, currentRevision: 1 });
      expect(await types()).toHaveLength(2);
    });

    it('with If-Match a lost race is a 412 naming the current revision, never retried', async () => {
      await givenAccepted();
      store.races = 1;
      await expect(run(urge, SUPERVISOR, { expectedRevision: 1 })).rejects.toMatchObject({ currentRevision: 2 });
      expect(await types()).toHaveLength(3);
    });
  });

  describe('idempotency, decided here only', () => {
    it('the same key and request again answers the first outcome, marked replayed, and appends nothing', async () => {
      await givenAccepted();
      const first = await run(urge, SUPERVISOR, { idempotency: keyed('k-1', 'fp-urge') });
      // The retry carries the If-Match of the first try, which that try made stale: still a replay.
      const again = await run(urge, SUPERVISOR, { idempotency: keyed('k-1', 'fp-urge'), expectedRevision: 1 });
      expect(again).toEqual({ ...first, replayed: true });
      expect(await types()).toHaveLength(3);
    });

    it('the same key with another request is refused (422) and nothing is appended', async () => {
      await givenAccepted();
      await run(urge, SUPERVISOR, { idempotency: keyed('k-1', 'fp-urge') });
      await expect(run({ type: 'UrgeSuggestion', data: { note: '另一条' } }, SUPERVISOR, { idempotency: keyed('k-1', 'fp-other') })).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
      expect(await types()).toHaveLength(3);
    });

    it('another person may use the same key: keys are per person', async () => {
      await givenAccepted();
      await run(urge, SUPERVISOR, { idempotency: keyed('k-1', 'fp-a') });
      const outcome = await run({ type: 'UrgeSuggestion', data: { note: '工作人员催办' } }, STAFF, { idempotency: keyed('k-1', 'fp-b') });
      expect(outcome.replayed).toBeUndefined();
      expect(await types()).toHaveLength(4);
    });

    it('a key reused on another stream of a kind whose target is in the body (accounts) is refused too', async () => {
      const register = (userId: string) => ({ type: 'RegisterUser' as const, data: { userId, displayName: '张三', role: 'deputy' as const, passwordHash: 'hash' } });
      const users = (id: string, command: ReturnType<typeof register>, actor: Actor, options: RunOptions) => pipeline.run(USER_STREAM, id, command, actor, options);
      await users('zhang', register('zhang'), ADMIN, { correlationId: 'c', causationId: 'r', idempotency: keyed('k-u', 'fp-zhang') });
      await expect(users('li', register('li'), ADMIN, { correlationId: 'c', causationId: 'r', idempotency: keyed('k-u', 'fp-li') })).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
      expect(await types(userStreamId('li'))).toEqual([]);
      const replay = await users('zhang', register('zhang'), ADMIN, { correlationId: 'c', causationId: 'r', idempotency: keyed('k-u', 'fp-zhang') });
      expect(replay).toMatchObject({ id: 'zhang', revision: 0, replayed: true });
    });
  });

  describe('reading the stream', () => {
    it('upcasts each stored event before the fold: the decider sees old events in the new shape', async () => {
      // Given: two events of the old schema (version 0, data { n }) and one of the current.
      const old = (n: number) => ({ type: 'Counted', data: { n }, metadata: { ...newEventMetadata(ADMIN, NOW, 'c', null), schemaVersion: 0 } });
      await sqlite.appendToStream('counter-c1', [old(2), old(3)], { expectedRevision: 'no_stream' });
      await sqlite.appendToStream('counter-c1', [{ type: 'Counted', data: { by: 1 }, metadata: newEventMetadata(ADMIN, NOW, 'c', null) }], { expectedRevision: 'any' });
      const count = (by: number) => pipeline.run(COUNTER, 'c1', { type: 'Count', data: { by, max: 10 } }, ADMIN, { correlationId: 'c', causationId: 'r' });
      // When/then: 2 + 3 + 1 = 6 is folded, so 4 more fit and 5 would not (without the upcast, NaN lets anything through).
      await expect(count(5)).rejects.toMatchObject({ code: 'counter.over' });
      expect(await count(4)).toMatchObject({ revision: 3 });
    });

    it('without a kind upcast, the domain seam reads schemaVersion: an event from newer code is refused, not misread', async () => {
      await givenAccepted();
      await sqlite.appendToStream(STREAM, [{ type: 'SuggestionUrged', data: { note: 'x' }, metadata: { ...newEventMetadata(SUPERVISOR, NOW, 'c', null), schemaVersion: 99 } }], {
        expectedRevision: 'any',
      });
      await expect(run(urge, SUPERVISOR)).rejects.toBeInstanceOf(UnknownSchemaVersionError);
    });

    it('a caller who may not read the aggregate gets its 404 before If-Match or the rules say anything', async () => {
      await givenAccepted();
      await expect(run(urge, OTHER_DEPUTY, { expectedRevision: 0 })).rejects.toMatchObject({ kind: 'not_found', message: '建议不存在' });
      await expect(run(urge, OTHER_DEPUTY, { expectedRevision: 0 }).catch((e) => e)).resolves.not.toBeInstanceOf(RevisionMismatchError);
    });

    it('a server-made id (freshStream) is appended without a read; an id that turns out to exist is re-read and refused', async () => {
      const reads = jest.spyOn(store, 'readStream');
      expect(await pipeline.run(SUGGESTION_STREAM, 's-new', submit('s-new'), DEPUTY, { correlationId: 'c', causationId: 'r', freshStream: true })).toMatchObject({
        revision: 0,
      });
      expect(reads).not.toHaveBeenCalled();
      await givenAccepted();
      await expect(run(submit(), DEPUTY, { freshStream: true })).rejects.toBeInstanceOf(DomainError);
      expect(await types()).toEqual(['SuggestionSubmitted', 'SuggestionAccepted']);
    });

    it("a precondition sees the folded state after replay detection and can refuse before the rules", async () => {
      await givenAccepted();
      const seen: unknown[] = [];
      await expect(
        run(urge, SUPERVISOR, {
          precondition: (state) => {
            seen.push((state as { status: string }).status);
            throw new DomainError('test.refused', '不允许', 'invalid');
          },
        }),
      ).rejects.toMatchObject({ code: 'test.refused' });
      expect(seen).toEqual(['accepted']);
      expect(await types()).toHaveLength(2);
    });
  });
});

describe('CommandsModule on the CommandBus', () => {
  it('Nest discovers one handler per stream kind, and each runs the pipeline', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'duban-bus-'));
    const store = new SqliteEventStore({ path: path.join(dir, 'events.sqlite') });
    @Global()
    @Module({
      providers: [
        ApiMetrics,
        { provide: EVENT_STORE, useValue: store },
        { provide: RULEBOOK, useValue: getRulebook('national') },
        { provide: WORKING_CALENDAR, useValue: createWorkingCalendar() },
        { provide: Clock, useValue: new ManualClock(new Date(NOW)) },
      ],
      exports: [ApiMetrics, EVENT_STORE, RULEBOOK, WORKING_CALENDAR, Clock],
    })
    class Infrastructure {}
    const moduleRef = await Test.createTestingModule({ imports: [Infrastructure, CommandsModule] }).compile();
    await moduleRef.init();
    try {
      const bus = moduleRef.get(CommandBus);
      const ctx = { correlationId: 'c', causationId: 'r' };
      expect(await bus.execute(new RunSuggestionCommand(ID, submit(), DEPUTY, ctx))).toMatchObject({ id: ID, revision: 0 });
      const registered = await bus.execute(
        new RunUserCommand('zhang', { type: 'RegisterUser', data: { userId: 'zhang', displayName: '张三', role: 'deputy', passwordHash: 'h' } }, ADMIN, ctx),
      );
      expect(registered).toMatchObject({ id: 'zhang', revision: 0 });
      expect((await store.readStream(userStreamId('zhang'))).map((e) => e.type)).toEqual(['UserRegistered']);
    } finally {
      await moduleRef.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
