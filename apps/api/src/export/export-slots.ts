import { HttpException, HttpStatus, Injectable } from '@nestjs/common';

export const EXPORT_MAX_CONCURRENT_DEFAULT = 2;
/** About how long an export over a large list takes: when a client may usefully try again. */
const RETRY_AFTER_SECONDS = 10;

/** 429 with a Chinese message; the exception filter turns `retryAfterSeconds` into a Retry-After header. */
export class ExportsBusyException extends HttpException {
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS;

  constructor() {
    super(
      { statusCode: HttpStatus.TOO_MANY_REQUESTS, code: 'export_busy', message: '当前导出任务较多，请稍后再试' },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * How many exports run at once (`EXPORT_MAX_CONCURRENT`, default 2). Each export reads the whole
 * list and compresses it on the one event-loop thread: beyond a few at a time they only add memory
 * and make every other request wait, so the next one is refused (429) rather than queued.
 */
@Injectable()
export class ExportSlots {
  readonly max: number;
  private running = 0;

  constructor() {
    this.max = parseMax(process.env.EXPORT_MAX_CONCURRENT);
  }

  /** A slot, released by the returned function (once, however often it is called); or a 429. */
  take(): () => void {
    if (this.running >= this.max) throw new ExportsBusyException();
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
    };
  }
}

function parseMax(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return EXPORT_MAX_CONCURRENT_DEFAULT;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`EXPORT_MAX_CONCURRENT must be a positive integer, got "${text}"`);
  return value;
}
