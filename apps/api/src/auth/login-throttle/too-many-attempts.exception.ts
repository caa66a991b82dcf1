import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 with a Chinese message; the exception filter turns `retryAfterSeconds` into a Retry-After header. */
export class TooManyAttemptsException extends HttpException {
  constructor(
    readonly code: 'login_locked' | 'login_rate_limited',
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ statusCode: HttpStatus.TOO_MANY_REQUESTS, code, message }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
