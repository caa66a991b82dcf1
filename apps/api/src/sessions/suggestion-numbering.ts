import { Inject, Injectable } from '@nestjs/common';
import { Actor, claimNumber, evolveNumbering, initialNumberingState, numberingStreamId, type NumberingEvent, type NumberingState } from '@duban/domain';
import { EVENT_STORE, EventStore, WrongExpectedRevisionError } from '@duban/event-store';
import { ConcurrencyExhaustedError } from '../commands/concurrency-exhausted.error';
import { newEventMetadata } from '../events/new-event-metadata';

/** Claims lost to another writer (another instance of the service) are re-read and tried again this often. */
const MAX_ATTEMPTS = 50;

export interface ClaimContext {
  actor: Actor;
  now: string;
  correlationId: string;
  causationId: string;
}

/**
 * Hands out 第N号 within a session. The claims live in `numbering-<sessionId>`; each is appended with
 * the expected revision, so numbers are unique and consecutive across every instance of the service.
 * Claims of one session are queued inside this process (no lost races between its own requests),
 * and the folded claims are kept, so a claim reads only the claims made since the last one: a
 * session of 10,000 suggestions costs no more per registration than one of ten.
 */
@Injectable()
export class SuggestionNumbering {
  private readonly states = new Map<string, NumberingState>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The suggestion's number in the session: the one it claimed before (a retry), or the next. */
  claim(sessionId: string, suggestionId: string, ctx: ClaimContext): Promise<number> {
    const previous = this.queues.get(sessionId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.claimNow(sessionId, suggestionId, ctx));
    const tail = next.catch(() => undefined);
    this.queues.set(sessionId, tail);
    void tail.then(() => {
      if (this.queues.get(sessionId) === tail) this.queues.delete(sessionId);
    });
    return next;
  }

  private async claimNow(sessionId: string, suggestionId: string, ctx: ClaimContext): Promise<number> {
    const streamId = numberingStreamId(sessionId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const state = await this.caughtUp(sessionId);
      const { number, claim } = claimNumber(state, suggestionId);
      if (!claim) return number;
      try {
        const result = await this.store.appendToStream(streamId, [{ type: claim.type, data: claim.data, metadata: newEventMetadata(ctx.actor, ctx.now, ctx.correlationId, ctx.causationId) }], {
          expectedRevision: state.revision < 0 ? 'no_stream' : BigInt(state.revision),
        });
        evolveNumbering(state, claim, Number(result.nextExpectedRevision));
        return number;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        // Another instance claimed in between: read its claims and take the next number after them.
      }
    }
    throw new ConcurrencyExhaustedError(streamId, MAX_ATTEMPTS);
  }

  /** The session's claims, with those appended since the last look read in. */
  private async caughtUp(sessionId: string): Promise<NumberingState> {
    let state = this.states.get(sessionId);
    if (!state) {
      state = initialNumberingState();
      this.states.set(sessionId, state);
    }
    const newer = await this.store.readStream(numberingStreamId(sessionId), { fromRevision: BigInt(state.revision + 1) });
    for (const recorded of newer) evolveNumbering(state, { type: recorded.type, data: recorded.data } as NumberingEvent, Number(recorded.revision));
    return state;
  }
}
