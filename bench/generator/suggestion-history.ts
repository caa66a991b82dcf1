import {
  Actor,
  DecisionContext,
  DomainError,
  EventMetadata,
  SuggestionCommand,
  SuggestionEvent,
  SuggestionState,
  suggestionDecider,
} from '@duban/domain';
import { Prng } from './prng';
import { iso } from './sim-time';

/** The events of one command, appended together as the api's handler would. */
export interface CommandEvents {
  streamId: string;
  atMs: number;
  events: { type: string; data: unknown; metadata: EventMetadata }[];
}

export type DomainContext = Pick<DecisionContext, 'rulebook' | 'calendar'>;

/**
 * One suggestion's history, built by running commands through the product's decider: every
 * generated event is one the product itself would have recorded. A refused command records
 * nothing and is counted, so the generator's plan can be loose without producing invalid data.
 */
export class SuggestionHistory {
  state: SuggestionState = suggestionDecider.initialState();
  readonly commands: CommandEvents[] = [];
  refused = 0;
  /** Codes of refused commands, for the generator's report. */
  readonly refusals = new Map<string, number>();

  constructor(
    readonly streamId: string,
    private readonly prng: Prng,
    private readonly ctx: DomainContext,
  ) {}

  /** Decides and records; false when the decider refuses. Non-domain errors are bugs and propagate. */
  exec(command: SuggestionCommand, actor: Actor, atMs: number): boolean {
    const now = iso(atMs);
    let decided: SuggestionEvent[];
    try {
      decided = suggestionDecider.decide(command, this.state, { ...this.ctx, now, actor });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.refused += 1;
      this.refusals.set(error.code, (this.refusals.get(error.code) ?? 0) + 1);
      return false;
    }
    if (decided.length === 0) return true;
    const correlationId = this.prng.uuid();
    const events = decided.map((event) => {
      this.state = suggestionDecider.evolve(this.state, { ...event, at: now, by: actor });
      const metadata: EventMetadata = {
        eventId: this.prng.uuid(),
        actor,
        occurredAt: now,
        correlationId,
        causationId: correlationId,
        schemaVersion: 1,
      };
      return { type: event.type, data: event.data, metadata };
    });
    this.commands.push({ streamId: this.streamId, atMs, events });
    return true;
  }
}
