/** The Idempotency-Key was already used by the same person for a different request: nothing was done. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly key: string) {
    super('该 Idempotency-Key 已用于另一个不同的请求；新的请求请使用新的键');
    this.name = 'IdempotencyKeyReusedError';
  }
}
