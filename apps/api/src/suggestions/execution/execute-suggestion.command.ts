import { Command } from '@nestjs/cqrs';
import type { Actor, SuggestionCommand } from '@duban/domain';
import type { IdempotencyRequest } from '../../idempotency/idempotency-request';

/** What every suggestion command answers: the new revision (also the ETag) and the global position. */
export interface CommandOutcome {
  id: string;
  revision: number;
  /** Pass as `?after=` to a query to read your own write. */
  position: string;
  /** Set when an Idempotency-Key retry was answered with the first outcome; not part of the body. */
  replayed?: boolean;
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
  /** From Idempotency-Key: a retry of a command already applied is answered with its first outcome. */
  idempotency?: IdempotencyRequest;
  /**
   * The suggestion id was made by the server for this very command (a submission without a key):
   * its stream cannot exist, so the first attempt skips reading it. The append still expects
   * no stream, so a wrong guess is a lost race that is re-read, never an overwrite.
   */
  freshStream?: boolean;
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
