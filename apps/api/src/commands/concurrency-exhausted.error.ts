/** Concurrent writers kept winning the race for a stream: the command gave up and appended nothing. */
export class ConcurrencyExhaustedError extends Error {
  constructor(readonly streamId: string, readonly attempts: number) {
    super('该建议正被其他人同时修改，请稍后重试');
    this.name = 'ConcurrencyExhaustedError';
  }
}
