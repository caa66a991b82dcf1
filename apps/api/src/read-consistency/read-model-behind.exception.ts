import { ServiceUnavailableException } from '@nestjs/common';

/** Seconds a client waits before reading again: the projector usually catches up within one. */
export const READ_MODEL_BEHIND_RETRY_AFTER_SECONDS = 1;

/**
 * 503 for a read that must include a write the read model has not reached yet (the projector is
 * slow, retrying a transient failure, or stopped). The write itself is safe in the store; the
 * exception filter turns `retryAfterSeconds` into a Retry-After header.
 */
export class ReadModelBehindException extends ServiceUnavailableException {
  readonly retryAfterSeconds = READ_MODEL_BEHIND_RETRY_AFTER_SECONDS;

  constructor() {
    super({ statusCode: 503, code: 'read_model_behind', message: '数据仍在更新，请稍后重试' });
  }
}
