import type { IdempotencyRequest } from '../idempotency/idempotency-request';

/** What every command answers: the new revision (also the ETag) and the global position. */
export interface CommandOutcome {
  id: string;
  revision: number;
  /** Pass as `?after=` to a query to read your own write. */
  position: string;
  /** Set when an Idempotency-Key retry was answered with the first outcome; not part of the body. */
  replayed?: boolean;
}

/** How one command is run, besides who sends it. */
export interface RunOptions<S = unknown> {
  /** From If-Match: the revision the client saw. Wins over the revision read from the store. */
  expectedRevision?: number;
  correlationId: string;
  /** Id of the request (or event) that caused this command. */
  causationId: string;
  /** Decision time. Only seeding sets it (to spread a history over past weeks); requests use the Clock. */
  at?: string;
  /** From Idempotency-Key: a retry of a command already applied is answered with its first outcome. */
  idempotency?: IdempotencyRequest;
  /**
   * The aggregate id was made by the server for this very command: its stream cannot exist, so the
   * first attempt skips reading it. The append still expects no stream, so a wrong guess is a lost
   * race that is re-read, never an overwrite.
   */
  freshStream?: boolean;
  /**
   * A check of the current state that is not a domain rule (the current password, which the
   * domain never sees): run after an idempotent retry is recognised, before If-Match and the rules.
   */
  precondition?: (state: S) => Promise<void> | void;
}
