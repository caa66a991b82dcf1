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
import { assertNever } from '@duban/domain';
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
import { toChainable } from '../audit/audit-hash';
import { linkEvent } from '../audit/chain-link';
import { WrongExpectedRevisionError } from '../port/errors';
import { comparePositions } from '../port/position';
import { PRODUCT_STREAM_PREFIXES } from '../shared/product-streams';
import { isStreamNotFound, isWanted, toEsdbExpectedRevision, toEventData, toPortError, toPortPosition } from './esdb-mapping';
import { StreamNamespace } from './esdb-namespace';
import { chainReadFor, planChainedAppend, TAIL_FOR_RETRY_CHECK, type ChainPlan } from './esdb-chain-plan';
import { EsdbSubscription } from './esdb-subscription';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`, or several nodes for a cluster. */
  connectionString: string;
  /** Streams readAll, headPosition and subscribeToAll follow when the caller names none. */
  streamPrefixes?: readonly string[];
  /** Stored stream names start with this (see StreamNamespace); default none. */
  streamNamespace?: string;
  log?: (message: string) => void;
}

const DEFAULT_READ_ALL_PAGE = 1000;
/** $all also carries system and foreign events, filtered here; read it in chunks of this size. */
const SCAN_CHUNK = 512;
/** How often an 'any' append re-reads the stream's tip when other writers keep getting in first. */
const MAX_CHAIN_ATTEMPTS = 20;

/**
 * The EventStoreDB adapter. Event ids are the metadata's eventId, so the server itself
 * recognises a retried append; revisions and the `{commit, prepare}` position are the server's.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly prefixes: readonly string[];
  private readonly namespace: StreamNamespace;
  private readonly log: (message: string) => void;
  private readonly subscriptions = new Set<EsdbSubscription>();

  constructor(options: EventStoreDbEventStoreOptions) {
    // Connects lazily: constructing never blocks, the first call does.
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.namespace = new StreamNamespace(options.streamNamespace);
    this.prefixes = this.namespace.serverPrefixes(options.streamPrefixes ?? PRODUCT_STREAM_PREFIXES);
    this.log = options.log ?? ((message) => console.warn(message));
  }

  /**
   * Reads the stream's tip first: the new events' hashes chain on from it, so the append must
   * land right after it (see planChainedAppend). One extra read per append is the price of the
   * audit chain on this adapter.
   */
  async appendToStream(streamId: string, events: NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult> {
    const expected = options?.expectedRevision ?? 'any';
    const chainable = events.map(toChainable);
    for (let attempt = 1; ; attempt++) {
      const plan: ChainPlan = planChainedAppend(expected, await this.readForChain(streamId, expected), events, streamId);
      if (plan.kind === 'already-appended') return plan.result;
      let prevHash = plan.prevHash;
      let revision = plan.expectedRevision === 'no_stream' ? -1n : plan.expectedRevision;
      const hashed = events.map((event, i): NewEvent => {
        revision += 1n;
        const hash = linkEvent(streamId, revision, chainable[i]!, prevHash);
        const linked = { ...event, metadata: { ...event.metadata, prevHash, hash } };
        prevHash = hash;
        return linked;
      });
      let result;
      try {
        result = await this.client.appendToStream(this.namespace.toServer(streamId), hashed.map(toEventData), {
          expectedRevision: toEsdbExpectedRevision(plan.expectedRevision),
        });
      } catch (error) {
        const mapped = toPortError(error, streamId, expected);
        if (mapped instanceof WrongExpectedRevisionError && plan.retryOnConflict && attempt < MAX_CHAIN_ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
          continue;
        }
        throw mapped;
      }
      // An append the server recognised as a retry comes back without a position: look it up.
      const position = result.position ? toPortPosition(result.position) : await this.positionOf(streamId, result.nextExpectedRevision);
      return { nextExpectedRevision: result.nextExpectedRevision, position };
    }
  }

  /** What planChainedAppend needs to know about the stream before hashing. */
  private async readForChain(streamId: string, expected: ExpectedRevision): Promise<RecordedEvent[]> {
    const read = chainReadFor(expected);
    switch (read.kind) {
      case 'none':
        return [];
      case 'at':
        return this.readStream(streamId, { fromRevision: read.revision, maxCount: 1 });
      case 'tail':
        return this.readStreamBackwards(streamId, TAIL_FOR_RETRY_CHECK);
      default:
        return assertNever(read, 'chain read');
    }
  }

  private async readStreamBackwards(streamId: string, maxCount: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(this.namespace.toServer(streamId), { direction: BACKWARDS, fromRevision: END, maxCount });
      for await (const resolved of read) if (resolved.event) events.push(this.namespace.toPort(resolved.event));
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    if (options?.maxCount !== undefined && options.maxCount <= 0) return [];
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(this.namespace.toServer(streamId), {
        direction: FORWARDS,
        fromRevision: options?.fromRevision ?? START,
        ...(options?.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
      });
      for await (const resolved of read) if (resolved.event) events.push(this.namespace.toPort(resolved.event));
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const maxCount = options?.maxCount ?? DEFAULT_READ_ALL_PAGE;
    const prefixes = options?.streamPrefixes ? this.namespace.serverPrefixes(options.streamPrefixes) : this.prefixes;
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
        events.push(this.namespace.toPort(event));
        if (events.length >= maxCount) return events;
      }
      if (seen < SCAN_CHUNK) return events;
    }
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    const subscription: EsdbSubscription = new EsdbSubscription(this.client, {
      after: options?.after,
      prefixes: options?.streamPrefixes ? this.namespace.serverPrefixes(options.streamPrefixes) : this.prefixes,
      toPort: (event) => this.namespace.toPort(event),
      onEnd: () => this.subscriptions.delete(subscription),
      log: this.log,
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The last product event; system events written after it do not count. */
  async headPosition(): Promise<Position | null> {
    return (await this.lastEvent())?.position ?? null;
  }

  /** The last product event in the global order, or null when there is none. */
  async lastEvent(): Promise<RecordedEvent | null> {
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
        if (isWanted(event, this.prefixes)) return this.namespace.toPort(event);
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
