import { Command } from '@nestjs/cqrs';
import type { Actor, SuggestionCommand } from '@duban/domain';

/** What every suggestion command answers: the new revision (also the ETag) and the global position. */
export interface CommandOutcome {
  id: string;
  revision: number;
  /** Pass as `?after=` to a query to read your own write. */
  position: string;
}

export interface ExecutionOptions {
  /** From If-Match: the revision the client saw. Wins over the revision read from the store. */
  expectedRevision?: number;
  correlationId: string;
  /** Id of the request (or event) that caused this command. */
  causationId: string;
  /**
   * Decision time. Only the demo seeder sets it (to spread a history over past weeks);
   * requests always use the Clock.
   */
  at?: string;
}

/** The single command on the CommandBus: any suggestion command, for one suggestion, by one actor. */
export class ExecuteSuggestionCommand extends Command<CommandOutcome> {
  constructor(
    readonly suggestionId: string,
    readonly command: SuggestionCommand,
    readonly actor: Actor,
    readonly options: ExecutionOptions,
  ) {
    super();
  }
}
