import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Actor, Rulebook, WorkingCalendar } from '@duban/domain';
import { EVENT_STORE, EventStore, RecordedEvent, WrongExpectedRevisionError, formatPosition } from '@duban/event-store';
import { Clock } from '../clock/clock';
import { newEventMetadata } from '../events/new-event-metadata';
import { findPriorOutcome } from '../idempotency/find-prior-outcome';
import { IdempotencyReservations, KeyUse } from '../idempotency/idempotency-reservations';
import { RULEBOOK, WORKING_CALENDAR } from '../infrastructure/tokens';
import { ApiMetrics } from '../observability/metrics/api-metrics';
import type { CommandOutcome, RunOptions } from './command-outcome';
import { RevisionMismatchError } from './revision-mismatch.error';
import { foldRecorded, type StreamKind } from './stream-kind';

/** A race lost without If-Match is re-read and re-decided this many times before the kind's conflict. */
export const MAX_RETRIES = 3;

interface LoadedStream<S> {
  recorded: RecordedEvent[];
  state: S;
  /** -1 when the stream does not exist. */
  revision: number;
}

/**
 * The one command loop, for every stream kind: read the stream, upcast and fold it, decide with
 * `{now, actor, rulebook, calendar}`, append with the expected revision (If-Match wins), re-read
 * and re-decide a bounded number of times after a lost race, and recognise an idempotent retry.
 * Nothing is published after the append: readers follow the store itself (projector, live stream).
 */
@Injectable()
export class CommandPipeline {
  private readonly logger = new Logger('commands');
  private readonly reservations: IdempotencyReservations;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RULEBOOK) private readonly rulebook: Rulebook,
    @Inject(WORKING_CALENDAR) private readonly calendar: WorkingCalendar,
    @Inject(Clock) private readonly clock: Clock,
    // Optional so the pipeline also runs outside Nest (the benchmarks build it by hand).
    @Optional() private readonly metrics: ApiMetrics = new ApiMetrics(),
  ) {
    this.reservations = new IdempotencyReservations(store);
  }

  run<S, C extends { type: string }, E extends { type: string; data: unknown }>(
    kind: StreamKind<S, C, E>,
    id: string,
    command: C,
    actor: Actor,
    options: RunOptions<S>,
  ): Promise<CommandOutcome> {
    return this.metrics.timeCommand(command.type, () => this.decideAndAppend(kind, id, command, actor, options), (o) => o.replayed === true);
  }

  /** The stream's current state as the pipeline would decide on it. */
  async load<S, C extends { type: string }, E extends { type: string; data: unknown }>(kind: StreamKind<S, C, E>, id: string): Promise<LoadedStream<S>> {
    const recorded = await this.store.readStream(kind.streamId(id));
    const last = recorded[recorded.length - 1];
    return { recorded, state: foldRecorded(kind, recorded), revision: last === undefined ? -1 : Number(last.revision) };
  }

  private async decideAndAppend<S, C extends { type: string }, E extends { type: string; data: unknown }>(
    kind: StreamKind<S, C, E>,
    id: string,
    command: C,
    actor: Actor,
    options: RunOptions<S>,
  ): Promise<CommandOutcome> {
    const streamId = kind.streamId(id);
    const { expectedRevision: ifMatch, idempotency } = options;
    for (let attempt = 0; ; attempt++) {
      const skipRead = kind.appendOnly || (attempt === 0 && options.freshStream);
      const { recorded, state, revision } = skipRead ? this.empty(kind) : await this.load(kind, id);

      // Idempotency, decided here only. Before If-Match: a retry carries the If-Match of the first
      // try, which its own success made stale. A key first used by another request on another
      // stream (its body named another account) is refused before anything else.
      let keyUse: KeyUse | null = null;
      if (idempotency && kind.keysOutsideStream) keyUse = await this.reservations.find(actor.userId, idempotency);
      if (idempotency) {
        const prior = findPriorOutcome(id, recorded, actor.userId, idempotency);
        if (prior) return prior;
      }

      const hidden = kind.hiddenFrom?.(state, command, actor);
      if (hidden) throw hidden;
      await options.precondition?.(state);
      if (ifMatch !== undefined && revision >= 0 && ifMatch !== revision) throw new RevisionMismatchError(ifMatch, revision);

      const now = options.at ?? this.clock.nowIso();
      const events = kind.decider.decide(command, state, { now, actor, rulebook: this.rulebook, calendar: this.calendar });
      if (events.length === 0) return { id, revision, position: await this.headPositionText() };

      if (idempotency && kind.keysOutsideStream && !keyUse) {
        // Recorded only once decided, so a refused request leaves the key free.
        await this.reservations.reserve(actor, idempotency, streamId, { at: now, correlationId: options.correlationId, causationId: options.causationId });
      }
      try {
        return await this.append(kind, id, events, kind.appendOnly ? 'any' : ifMatch ?? revision, actor, now, options);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        // With a key, the winner may be this very command sent twice at once: re-read to find out.
        if (ifMatch !== undefined && (!idempotency || attempt >= MAX_RETRIES)) throw new RevisionMismatchError(ifMatch, Number(error.actual));
        if (attempt >= MAX_RETRIES) throw kind.exhausted(streamId, attempt + 1);
        this.logger.warn(`lost a race on ${streamId} (attempt ${attempt + 1}), re-reading`);
      }
    }
  }

  private empty<S, C extends { type: string }, E extends { type: string; data: unknown }>(kind: StreamKind<S, C, E>): LoadedStream<S> {
    return { recorded: [], state: kind.decider.initialState(), revision: -1 };
  }

  private async append<S, C extends { type: string }, E extends { type: string; data: unknown }>(
    kind: StreamKind<S, C, E>,
    id: string,
    events: E[],
    expected: number | 'any',
    actor: Actor,
    now: string,
    options: RunOptions<S>,
  ): Promise<CommandOutcome> {
    const newEvents = events.map((event) => ({
      type: event.type,
      data: event.data,
      metadata: newEventMetadata(actor, now, options.correlationId, options.causationId, options.idempotency),
    }));
    const result = await this.store.appendToStream(kind.streamId(id), newEvents, {
      expectedRevision: expected === 'any' ? 'any' : expected < 0 ? 'no_stream' : BigInt(expected),
    });
    return { id, revision: Number(result.nextExpectedRevision), position: formatPosition(result.position) };
  }

  private async headPositionText(): Promise<string> {
    const head = await this.store.headPosition();
    return head === null ? '0' : formatPosition(head);
  }
}
