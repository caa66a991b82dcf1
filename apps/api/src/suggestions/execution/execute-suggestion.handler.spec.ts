import { Test } from '@nestjs/testing';
import { CqrsModule, EventBus } from '@nestjs/cqrs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Actor, DomainError, SuggestionCommand, createWorkingCalendar, getRulebook, suggestionStreamId } from '@duban/domain';
import { EVENT_STORE, EventStore, NewEvent, SqliteEventStore } from '@duban/event-store';
import { Clock, ManualClock } from '../../clock/clock';
import { newEventMetadata } from '../../events/new-event-metadata';
import { RULEBOOK, WORKING_CALENDAR } from '../../infrastructure/tokens';
import { ApiMetrics } from '../../observability/metrics/api-metrics';
import { ConcurrencyExhaustedError } from './concurrency-exhausted.error';
import { ExecuteSuggestionCommand } from './execute-suggestion.command';
import { ExecuteSuggestionHandler, MAX_RETRIES } from './execute-suggestion.handler';
import { RevisionMismatchError } from './revision-mismatch.error';
import { SuggestionEventAppended } from './suggestion-event-appended';

const DEPUTY: Actor = { userId: 'deputy1', role: 'deputy' };
const STAFF: Actor = { userId: 'staff1', role: 'staff' };
const SUPERVISOR: Actor = { userId: 'super1', role: 'supervisor' };
const ID = 's-1';
const STREAM = suggestionStreamId(ID);

/**
 * The real SQLite store, with one twist: before the next `races` appends to a suggestion stream,
 * another writer gets in first, exactly between the handler's read and its append.
 */
class StoreWithRivals implements EventStore {
  races = 0;
  constructor(private readonly inner: EventStore) {}

  async appendToStream(streamId: string, events: NewEvent[], options?: Parameters<EventStore['appendToStream']>[2]) {
    if (this.races > 0 && streamId === STREAM) {
      this.races--;
      const rival = { type: 'SuggestionUrged', data: { note: '另一位督办人的催办' }, metadata: newEventMetadata(SUPERVISOR, new Date().toISOString(), 'rival', null) };
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

describe('ExecuteSuggestionHandler', () => {
  let dir: string;
  let store: StoreWithRivals;
  let handler: ExecuteSuggestionHandler;
  let published: SuggestionEventAppended[];
  let close: () => Promise<void>;

  const run = (command: SuggestionCommand, actor: Actor, expectedRevision?: number) =>
    handler.execute(
      new ExecuteSuggestionCommand(ID, command, actor, {
        correlationId: 'corr-1',
        causationId: 'req-1',
        ...(expectedRevision === undefined ? {} : { expectedRevision }),
      }),
    );
  const urge = (actor: Actor = SUPERVISOR, expectedRevision?: number) =>
    run({ type: 'UrgeSuggestion', data: { note: '请抓紧办理' } }, actor, expectedRevision);
  const types = async () => (await store.readStream(STREAM)).map((e) => e.type);

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'duban-handler-'));
    store = new StoreWithRivals(new SqliteEventStore({ path: path.join(dir, 'events.sqlite') }));
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        ExecuteSuggestionHandler,
        ApiMetrics,
        { provide: EVENT_STORE, useValue: store },
        { provide: RULEBOOK, useValue: getRulebook('national') },
        { provide: WORKING_CALENDAR, useValue: createWorkingCalendar() },
        { provide: Clock, useValue: new ManualClock(new Date('2026-03-02T02:00:00Z')) },
      ],
    }).compile();
    await moduleRef.init();
    handler = moduleRef.get(ExecuteSuggestionHandler);
    published = [];
    const subscription = moduleRef.get(EventBus).subscribe((event) => published.push(event as SuggestionEventAppended));
    close = async () => {
      subscription.unsubscribe();
      await moduleRef.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    };
    await run({ type: 'SubmitSuggestion', data: { suggestionId: ID, title: '标题', content: '内容', coSignerIds: [] } }, DEPUTY);
    await run({ type: 'AcceptSuggestion', data: {} }, STAFF);
    published = [];
  });
  afterEach(() => close());

  it('appends the decided events with metadata and publishes them after the append', async () => {
    const outcome = await urge();
    expect(outcome).toMatchObject({ id: ID, revision: 2 });
    const stored = (await store.readStream(STREAM))[2]!;
    expect(stored.metadata).toMatchObject({
      actor: SUPERVISOR,
      occurredAt: '2026-03-02T02:00:00.000Z',
      correlationId: 'corr-1',
      causationId: 'req-1',
      schemaVersion: 1,
    });
    expect(published).toEqual([expect.objectContaining({ type: 'SuggestionUrged', revision: 2, suggestionId: ID })]);
    expect(published[0]!.metadata.eventId).toBe(stored.metadata.eventId);
  });

  it('re-reads and re-decides after a lost race when the client sent no If-Match', async () => {
    store.races = 1;
    const outcome = await urge();
    expect(outcome.revision).toBe(3);
    expect(await types()).toEqual(['SuggestionSubmitted', 'SuggestionAccepted', 'SuggestionUrged', 'SuggestionUrged']);
    expect(published.map((e) => e.revision)).toEqual([3]);
  });

  it(`gives up with a conflict after ${MAX_RETRIES} retries, having appended nothing of its own`, async () => {
    store.races = MAX_RETRIES + 1;
    await expect(urge()).rejects.toBeInstanceOf(ConcurrencyExhaustedError);
    const rivals = (await store.readStream(STREAM)).filter((e) => e.metadata.correlationId === 'rival');
    expect(rivals).toHaveLength(MAX_RETRIES + 1);
    expect(await types()).toHaveLength(2 + MAX_RETRIES + 1);
    expect(published).toEqual([]);
  });

  it('with If-Match a lost race is a revision mismatch, never retried', async () => {
    store.races = 1;
    await expect(urge(SUPERVISOR, 1)).rejects.toEqual(expect.objectContaining({ currentRevision: 2 }));
    expect(await types()).toHaveLength(3);
    expect(published).toEqual([]);
  });

  it('with a stale If-Match nothing is decided or appended', async () => {
    await expect(urge(SUPERVISOR, 0)).rejects.toBeInstanceOf(RevisionMismatchError);
    expect(await types()).toHaveLength(2);
  });

  it('a refused command appends and publishes nothing', async () => {
    await expect(urge(DEPUTY)).rejects.toBeInstanceOf(DomainError);
    expect(await types()).toHaveLength(2);
    expect(published).toEqual([]);
  });

  describe('a submission under an id the server just made (freshStream)', () => {
    const submitFresh = (id: string) =>
      handler.execute(
        new ExecuteSuggestionCommand(id, { type: 'SubmitSuggestion', data: { suggestionId: id, title: '标题', content: '内容', coSignerIds: [] } }, DEPUTY, {
          correlationId: 'corr-2',
          causationId: 'req-2',
          freshStream: true,
        }),
      );

    it('appends without reading the stream first', async () => {
      const reads = jest.spyOn(store, 'readStream');
      const outcome = await submitFresh('s-new');
      expect(outcome).toMatchObject({ id: 's-new', revision: 0 });
      expect(reads).not.toHaveBeenCalled();
      expect((await store.readStream(suggestionStreamId('s-new'))).map((e) => e.type)).toEqual(['SuggestionSubmitted']);
    });

    it('treats an id that turns out to exist as a lost race: re-reads, and the decider refuses, overwriting nothing', async () => {
      await expect(submitFresh(ID)).rejects.toBeInstanceOf(DomainError);
      expect(await types()).toEqual(['SuggestionSubmitted', 'SuggestionAccepted']);
      expect(published).toEqual([]);
    });
  });
});
