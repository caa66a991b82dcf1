import { BACKWARDS, END, EventStoreDBClient, FORWARDS, START, type ReadPosition, type ResolvedEvent } from '@eventstore/db-client';
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
import { metadataWithChain, toChainable } from '../audit/audit-hash';
import type { AuditKey } from '../audit/audit-key';
import { linkEvent } from '../audit/chain-link';
import { WrongExpectedRevisionError } from '../port/errors';
import { comparePositions } from '../port/position';
import { PRODUCT_STREAM_PREFIXES } from '../shared/product-streams';
import { isStreamNotFound, isWanted, toEsdbExpectedRevision, toEventData, toPortError, toPortPosition } from './esdb-mapping';
import { StreamNamespace } from './esdb-namespace';
import { chainReadFor, planChainedAppend, TAIL_FOR_RETRY_CHECK, type ChainPlan } from './esdb-chain-plan';
import { readAllBackwardsFiltered } from './esdb-filtered-read';
import { consumeRead, type CancellableRead } from './esdb-read';
import { retryTransient } from './esdb-retry';
import { EsdbSubscription } from './esdb-subscription';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`, or several nodes for a cluster. */
  connectionString: string;
  /** Streams readAll, headPosition and subscribeToAll follow when the caller names none. */
  streamPrefixes?: readonly string[];
  /** Stored stream names start with this (see StreamNamespace); default none. */
  streamNamespace?: string;
  /** Longest a single read call may stay open before it is cancelled; default 10 s. */
  readTimeoutMs?: number;
  /** Longest an append may take, retries after a leader change included; default 5 s (an election takes 1–2 s). */
  appendBudgetMs?: number;
  log?: (message: string) => void;
  /** New events are hashed with HMAC-SHA256 under this key (see audit/audit-hash.ts); without it, plain sha256. */
  auditKey?: AuditKey;
}

const DEFAULT_READ_ALL_PAGE = 1000;
/** $all also carries system and foreign events, filtered here; read it in chunks of this size. */
const SCAN_CHUNK = 512;
/** Events asked for per filtered backward read when looking for the last product event. */
const HEAD_CHUNK = 32;
/** How often an 'any' append re-reads the stream's tip when other writers keep getting in first. */
const MAX_CHAIN_ATTEMPTS = 20;
const DEFAULT_READ_TIMEOUT_MS = 10_000;
const DEFAULT_APPEND_BUDGET_MS = 5_000;

/** Reads the audit chain depends on go to the leader: a follower may not have the newest events yet. */
const FROM_LEADER = { requiresLeader: true } as const;

/**
 * The EventStoreDB adapter. Event ids are the metadata's eventId, so the server itself
 * recognises a retried append; revisions and the `{commit, prepare}` position are the server's.
 * Every read is cancelled when the adapter stops reading and has a deadline (see consumeRead).
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly prefixes: readonly string[];
  private readonly namespace: StreamNamespace;
  private readonly readTimeoutMs: number;
  private readonly appendBudgetMs: number;
  private readonly log: (message: string) => void;
  private readonly auditKey: AuditKey | null;
  private readonly subscriptions = new Set<EsdbSubscription>();

  constructor(options: EventStoreDbEventStoreOptions) {
    // Connects lazily: constructing never blocks, the first call does.
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.namespace = new StreamNamespace(options.streamNamespace);
    this.prefixes = this.namespace.serverPrefixes(options.streamPrefixes ?? PRODUCT_STREAM_PREFIXES);
    this.readTimeoutMs = options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
    this.appendBudgetMs = options.appendBudgetMs ?? DEFAULT_APPEND_BUDGET_MS;
    this.log = options.log ?? ((message) => console.warn(message));
    this.auditKey = options.auditKey ?? null;
  }

  /**
   * Reads the stream's tip first: the new events' hashes chain on from it, so the append must
   * land right after it (see planChainedAppend). One extra read per append is the price of the
   * audit chain on this adapter. A leader change (NotLeader, Unavailable, a deadline) is retried
   * within the append's budget: every attempt carries the same event ids and an exact expected
   * revision, which the server accepts as done when an earlier attempt already landed.
   */
  async appendToStream(streamId: string, events: NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult> {
    const expected = options?.expectedRevision ?? 'any';
    return retryTransient(() => this.appendChained(streamId, events, expected), {
      budgetMs: this.appendBudgetMs,
      onRetry: (error, attempt) => this.log(`EventStoreDB append to ${streamId} failed (${describe(error)}); retry ${attempt}`),
    });
  }

  private async appendChained(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const chainable = events.map((event) => toChainable(event, this.auditKey));
    for (let attempt = 1; ; attempt++) {
      const plan: ChainPlan = planChainedAppend(expected, await this.readForChain(streamId, expected), events, streamId);
      if (plan.kind === 'already-appended') return plan.result;
      let prevHash = plan.prevHash;
      let revision = plan.expectedRevision === 'no_stream' ? -1n : plan.expectedRevision;
      const hashed = events.map((event, i): NewEvent => {
        revision += 1n;
        const hash = linkEvent(streamId, revision, chainable[i]!, prevHash, this.auditKey);
        const linked = { ...event, metadata: metadataWithChain(event.metadata, chainable[i]!, prevHash, hash) };
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

  /**
   * What planChainedAppend needs to know about the stream before hashing, read from the leader.
   * Nothing at the caller's exact revision means the stream is not where the caller thinks (or
   * the node answering is behind): a conflict, never a chain restarted from genesis.
   */
  private async readForChain(streamId: string, expected: ExpectedRevision): Promise<RecordedEvent[]> {
    const read = chainReadFor(expected);
    switch (read.kind) {
      case 'none':
        return [];
      case 'at': {
        const found = await this.readStreamFrom(streamId, { fromRevision: read.revision, maxCount: 1 }, FROM_LEADER);
        if (found.length > 0) return found;
        const [last] = await this.readStreamBackwards(streamId, 1);
        throw new WrongExpectedRevisionError(streamId, expected, last?.revision ?? -1n);
      }
      case 'tail':
        return this.readStreamBackwards(streamId, TAIL_FOR_RETRY_CHECK);
      default:
        return assertNever(read, 'chain read');
    }
  }

  private async readStreamBackwards(streamId: string, maxCount: number): Promise<RecordedEvent[]> {
    const read = this.client.readStream(this.namespace.toServer(streamId), { direction: BACKWARDS, fromRevision: END, maxCount, ...FROM_LEADER });
    return this.collectStream(read, `backward read of ${streamId}`);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.readStreamFrom(streamId, options, {});
  }

  private async readStreamFrom(streamId: string, options: ReadStreamOptions | undefined, leader: { requiresLeader?: boolean }): Promise<RecordedEvent[]> {
    if (options?.maxCount !== undefined && options.maxCount <= 0) return [];
    const read = this.client.readStream(this.namespace.toServer(streamId), {
      direction: FORWARDS,
      fromRevision: options?.fromRevision ?? START,
      ...(options?.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
      ...leader,
    });
    return this.collectStream(read, `read of ${streamId}`);
  }

  /** A missing stream is an empty array, as the port says. */
  private async collectStream(read: CancellableRead<ResolvedEvent>, what: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      await consumeRead(read, this.readTimeoutMs, what, (resolved) => {
        if (resolved.event) events.push(this.namespace.toPort(resolved.event));
      });
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
      const chunk = this.client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: SCAN_CHUNK, resolveLinkTos: false });
      await consumeRead(chunk, this.readTimeoutMs, 'read of $all', (resolved) => {
        seen += 1;
        const event = resolved.event;
        if (!event?.position) return true;
        from = event.position;
        if (skipUpTo && comparePositions(event.position, skipUpTo) <= 0) return true;
        skipUpTo = event.position;
        if (isWanted(event, prefixes)) events.push(this.namespace.toPort(event));
        return events.length < maxCount;
      });
      if (events.length >= maxCount || seen < SCAN_CHUNK) return events;
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

  /** The last product event's position (the streams PRODUCT_STREAM_PREFIXES names, as the embedded store counts). */
  async headPosition(): Promise<Position | null> {
    return (await this.lastEvent())?.position ?? null;
  }

  /**
   * The last product event in the global order, or null when there is none. The server filters by
   * stream prefix, so other deployments' and system events on a shared server cost nothing here.
   */
  async lastEvent(): Promise<RecordedEvent | null> {
    let from: Position | 'end' = 'end';
    for (;;) {
      let seen = 0;
      let found: RecordedEvent | null = null;
      const chunk = readAllBackwardsFiltered(this.client, this.prefixes, HEAD_CHUNK, from);
      await consumeRead(chunk, this.readTimeoutMs, 'backward read of $all', (resolved) => {
        const event = resolved.event;
        if (!event?.position) return true;
        // The read starts at `from` inclusively: that event was looked at already.
        if (from !== 'end' && comparePositions(event.position, from) >= 0) return true;
        seen += 1;
        from = event.position;
        if (!isWanted(event, this.prefixes)) return true;
        found = this.namespace.toPort(event);
        return false;
      });
      if (found || seen === 0) return found;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.unsubscribe()));
    await this.client.dispose();
  }

  private async positionOf(streamId: string, revision: bigint): Promise<Position> {
    const [event] = await this.readStreamFrom(streamId, { fromRevision: revision, maxCount: 1 }, FROM_LEADER);
    if (!event) throw new Error(`EventStoreDB reported ${streamId}@${revision} as written, but it cannot be read`);
    return event.position;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
