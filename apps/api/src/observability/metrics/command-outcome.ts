import { HttpException } from '@nestjs/common';
import { DomainError } from '@duban/domain';
import { WrongExpectedRevisionError } from '@duban/event-store';
import { IdempotencyKeyReusedError } from '../../idempotency/idempotency-key-reused.error';
import { ConcurrencyExhaustedError } from '../../suggestions/execution/concurrency-exhausted.error';
import { RevisionMismatchError } from '../../suggestions/execution/revision-mismatch.error';

/** The `outcome` label of duban_commands_total: a small, fixed set, never free text. */
export type CommandOutcomeLabel =
  | 'ok'
  | 'replayed'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'precondition_failed'
  | 'idempotency_key_reused'
  | 'rejected'
  | 'error';

export function outcomeOfError(error: unknown): CommandOutcomeLabel {
  if (error instanceof DomainError) return error.kind;
  if (error instanceof RevisionMismatchError) return 'precondition_failed';
  if (error instanceof ConcurrencyExhaustedError || error instanceof WrongExpectedRevisionError) return 'conflict';
  if (error instanceof IdempotencyKeyReusedError) return 'idempotency_key_reused';
  if (error instanceof HttpException && error.getStatus() < 500) return 'rejected';
  return 'error';
}
