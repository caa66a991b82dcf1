import { Inject, Logger, Optional } from '@nestjs/common';
import { CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import {
  Rulebook,
  SuggestionEvent,
  SuggestionState,
  WorkingCalendar,
  suggestionDecider,
  suggestionStreamId,
} from '@duban/domain';
import { mayRead } from '@duban/domain/suggestion/rules/visibility';
import { EVENT_STORE, EventStore, RecordedEvent, WrongExpectedRevisionError, formatPosition } from '@duban/event-store';
import { Clock } from '../../clock/clock';
import { newEventMetadata } from '../../events/new-event-metadata';
import { stamp } from '../../events/stamp';
import { findPriorOutcome } from '../../idempotency/find-prior-outcome';
import { RULEBOOK, WORKING_CALENDAR } from '../../infrastructure/tokens';
import { ApiMetrics } from '../../observability/metrics/api-metrics';
import { ConcurrencyExhaustedError } from './concurrency-exhausted.error';
import { CommandOutcome, ExecuteSuggestionCommand } from './execute-suggestion.command';
import { RevisionMismatchError } from './revision-mismatch.error';
import { SuggestionEventAppended } from './suggestion-event-appended';
import { suggestionNotFound } from './suggestion-not-found';

/** A race lost without If-Match is re-read and re-decided this many times before answering 409. */
export const MAX_RETRIES = 3;

/**
 * The one command handler, a thin adapter around the decider: read the stream, fold it, decide,
 * append with the expected revision, and publish only what was durably appended.
 */
@CommandHandler(ExecuteSuggestionCommand)
export class ExecuteSuggestionHandler implements ICommandHandler<ExecuteSuggestionCommand, CommandOutcome> {
  private readonly logger = new Logger('suggestions');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RULEBOOK) private readonly rulebook: Rulebook,
    @Inject(WORKING_CALENDAR) private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
    private readonly eventBus: EventBus,
    // Optional so the handler also runs outside Nest (the benchmarks build it by hand).
    @Optional() private readonly metrics: ApiMetrics = new ApiMetrics(),
  ) {}

  execute(command: ExecuteSuggestionCommand): Promise<CommandOutcome> {
    return this.metrics.timeCommand(command.command.type, () => this.decideAndAppend(command), (outcome) => outcome.replayed === true);
  }

  private async decideAndAppend(command: ExecuteSuggestionCommand): Promise<CommandOutcome> {
    const streamId = suggestionStreamId(command.suggestionId);
    const { expectedRevision: ifMatch, idempotency } = command.options;
    for (let attempt = 0; ; attempt++) {
      const { recorded, state, revision } = attempt === 0 && command.options.freshStream ? emptyStream() : await this.load(streamId);
      // Before If-Match: a retry carries the If-Match of the first try, which its own success made stale.
      if (idempotency) {
        const prior = findPriorOutcome(command.suggestionId, recorded, command.actor.userId, idempotency);
        if (prior) return prior;
      }
      // Someone who may not read the suggestion learns nothing about it, not even its revision
      // (412) or which rule would stop them (403/409): the read's 404, decided from the stream
      // just read, so a unit assigned a moment ago is never refused by a lagging read model.
      if (command.command.type !== 'SubmitSuggestion' && !mayRead(state, command.actor)) throw suggestionNotFound();
      if (ifMatch !== undefined && revision >= 0 && ifMatch !== revision) {
        throw new RevisionMismatchError(ifMatch, revision);
      }
      const now = command.options.at ?? this.clock.nowIso();
      const events = suggestionDecider.decide(command.command, state, {
        now,
        actor: command.actor,
        rulebook: this.rulebook,
        calendar: this.calendar,
      });
      if (events.length === 0) {
        return { id: command.suggestionId, revision, position: await this.headPositionText() };
      }
      const expected = ifMatch ?? revision;
      try {
        return await this.append(streamId, command, events, expected, now);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        // With a key, the winner may be this very command sent twice at once: re-read to find out.
        if (ifMatch !== undefined && (!idempotency || attempt >= MAX_RETRIES)) {
          throw new RevisionMismatchError(ifMatch, Number(error.actual));
        }
        if (attempt >= MAX_RETRIES) throw new ConcurrencyExhaustedError(streamId, attempt + 1);
        this.logger.warn(`lost a race on ${streamId} (attempt ${attempt + 1}), re-reading`);
      }
    }
  }

  private async load(streamId: string): Promise<{ recorded: RecordedEvent[]; state: SuggestionState; revision: number }> {
    const recorded = await this.store.readStream(streamId);
    const state = recorded.reduce(
      (current, event) => suggestionDecider.evolve(current, stamp<SuggestionEvent>(event)),
      suggestionDecider.initialState(),
    );
    const last = recorded[recorded.length - 1];
    return { recorded, state, revision: last === undefined ? -1 : Number(last.revision) };
  }

  private async append(
    streamId: string,
    command: ExecuteSuggestionCommand,
    events: SuggestionEvent[],
    expected: number,
    now: string,
  ): Promise<CommandOutcome> {
    const { actor, options } = command;
    const newEvents = events.map((event) => ({
      type: event.type,
      data: event.data,
      metadata: newEventMetadata(actor, now, options.correlationId, options.causationId, options.idempotency),
    }));
    const result = await this.store.appendToStream(streamId, newEvents, {
      expectedRevision: expected < 0 ? 'no_stream' : BigInt(expected),
    });
    const revision = Number(result.nextExpectedRevision);
    const position = formatPosition(result.position);
    const first = revision - newEvents.length + 1;
    newEvents.forEach((event, index) => {
      this.eventBus.publish(
        new SuggestionEventAppended(streamId, command.suggestionId, first + index, position, event.type, event.data, event.metadata),
      );
    });
    return { id: command.suggestionId, revision, position };
  }

  private async headPositionText(): Promise<string> {
    const head = await this.store.headPosition();
    return head === null ? '0' : formatPosition(head);
  }
}

function emptyStream(): { recorded: RecordedEvent[]; state: SuggestionState; revision: number } {
  return { recorded: [], state: suggestionDecider.initialState(), revision: -1 };
}
