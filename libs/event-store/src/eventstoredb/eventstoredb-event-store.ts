import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  type AllStreamResolvedEvent,
  type ReadPosition,
  type StreamingRead,
} from '@eventstore/db-client';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../port/event-store.port';
import { comparePositions } from '../port/position';
import { PRODUCT_STREAM_PREFIXES } from '../shared/product-streams';
import { isStreamNotFound, isWanted, toEsdbExpectedRevision, toEventData, toPortError, toPortPosition, toRecordedEvent } from './esdb-mapping';
import { EsdbSubscription } from './esdb-subscription';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`, or several nodes for a cluster. */
  connectionString: string;
  /** Streams readAll, headPosition and subscribeToAll follow when the caller names none. */
  streamPrefixes?: readonly string[];
  log?: (message: string) => void;
}

const DEFAULT_READ_ALL_PAGE = 1000;
/** $all also carries system and foreign events, filtered here; read it in chunks of this size. */
const SCAN_CHUNK = 512;

/**
 * The EventStoreDB adapter. Event ids are the metadata's eventId, so the server itself
 * recognises a retried append; revisions and the `{commit, prepare}` position are the server's.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly prefixes: readonly string[];
  private readonly log: (message: string) => void;
  private readonly subscriptions = new Set<EsdbSubscription>();

  constructor(options: EventStoreDbEventStoreOptions) {
    // Connects lazily: constructing never blocks, the first call does.
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.prefixes = options.streamPrefixes ?? PRODUCT_STREAM_PREFIXES;
    this.log = options.log ?? ((message) => console.warn(message));
  }

  async appendToStream(streamId: string, events: NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult> {
    const expected = options?.expectedRevision ?? 'any';
    let result;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEventData), { expectedRevision: toEsdbExpectedRevision(expected) });
    } catch (error) {
      throw toPortError(error, streamId, expected);
    }
    // An append the server recognised as a retry comes back without a position: look it up.
    const position = result.position ? toPortPosition(result.position) : await this.positionOf(streamId, result.nextExpectedRevision);
    return { nextExpectedRevision: result.nextExpectedRevision, position };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    if (options?.maxCount !== undefined && options.maxCount <= 0) return [];
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: FORWARDS,
        fromRevision: options?.fromRevision ?? START,
        ...(options?.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
      });
      for await (const resolved of read) if (resolved.event) events.push(toRecordedEvent(resolved.event));
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const maxCount = options?.maxCount ?? DEFAULT_READ_ALL_PAGE;
    const prefixes = options?.streamPrefixes ?? this.prefixes;
    const events: RecordedEvent[] = [];
    if (maxCount <= 0) return events;
    // The server reads $all from a position inclusively; the port's `after` is exclusive.
    let skipUpTo = options?.after;
    let from: ReadPosition = options?.after ?? START;
    for (;;) {
      let seen = 0;
      const chunk: StreamingRead<AllStreamResolvedEvent> = this.client.readAll({
        direction: FORWARDS,
        fromPosition: from,
        maxCount: SCAN_CHUNK,
        resolveLinkTos: false,
      });
      for await (const resolved of chunk) {
        seen += 1;
        const event = resolved.event;
        if (!event) continue;
        from = event.position;
        if (skipUpTo && comparePositions(event.position, skipUpTo) <= 0) continue;
        skipUpTo = event.position;
        if (!isWanted(event, prefixes)) continue;
        events.push(toRecordedEvent(event));
        if (events.length >= maxCount) return events;
      }
      if (seen < SCAN_CHUNK) return events;
    }
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    const subscription: EsdbSubscription = new EsdbSubscription(this.client, {
      after: options?.after,
      prefixes: options?.streamPrefixes ?? this.prefixes,
      onEnd: () => this.subscriptions.delete(subscription),
      log: this.log,
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The last product event; system events written after it do not count. */
  async headPosition(): Promise<Position | null> {
    let from: ReadPosition = END;
    let previous: Position | undefined;
    for (;;) {
      let fresh = 0;
      const chunk: StreamingRead<AllStreamResolvedEvent> = this.client.readAll({
        direction: BACKWARDS,
        fromPosition: from,
        maxCount: SCAN_CHUNK,
        resolveLinkTos: false,
      });
      for await (const resolved of chunk) {
        const event = resolved.event;
        if (!event) continue;
        if (previous && comparePositions(event.position, previous) >= 0) continue;
        fresh += 1;
        previous = event.position;
        from = event.position;
        if (isWanted(event, this.prefixes)) return toPortPosition(event.position);
      }
      if (fresh === 0) return null;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.unsubscribe()));
    await this.client.dispose();
  }

  private async positionOf(streamId: string, revision: bigint): Promise<Position> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    if (!event) throw new Error(`EventStoreDB reported ${streamId}@${revision} as written, but it cannot be read`);
    return event.position;
  }
}
