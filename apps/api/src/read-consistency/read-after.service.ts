import { BadRequestException, Inject, Injectable, Logger } from '@nestjs/common';
import { comparePositions, EVENT_STORE, type EventStore, formatPosition, parsePosition, type Position } from '@duban/event-store';
import type { Projector } from '@duban/read-models';
import { PROJECTOR } from '../infrastructure/tokens';
import { ReadModelBehindException } from './read-model-behind.exception';

/** How long a query waits for the projector to reach a write's position before giving up. */
export const READ_AFTER_TIMEOUT_MS = 2000;

/**
 * Read-your-writes: a command answers with its position; a query given `?after=<position>`
 * waits (bounded) until the read model includes it. Answering from a read model that is still
 * behind would silently show the old state, so not getting there is a 503 with Retry-After the
 * client can retry — whether the projector is slow, retrying a transient failure or stopped:
 * the write is in the store either way, and a 500 would tell the client something broke for good.
 */
@Injectable()
export class ReadAfterService {
  private readonly logger = new Logger('read-after');

  constructor(
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async waitFor(after: string | undefined): Promise<void> {
    if (after === undefined || after === '') return;
    const position = parsePosition(after);
    if (position === null) throw badAfter('after 须为命令返回的 position，例如 42');
    const checkpoint = this.projector.checkpoint();
    if (checkpoint !== null && comparePositions(position, checkpoint) <= 0) return;
    // Beyond the store's head it names no write at all: waiting could only end in a 503, two seconds later.
    const head = await this.headOrUnavailable();
    if (head === null || comparePositions(position, head) > 0) throw badAfter('after 超出了已写入的位置：请使用命令返回的 position');
    let reached: boolean;
    try {
      reached = await this.projector.waitFor(position, READ_AFTER_TIMEOUT_MS);
    } catch (error) {
      // The projector has stopped on an error: it is reported in /api/health; this read can only wait for the fix.
      this.logger.warn(`read after ${formatPosition(position)}: projector stopped (${error instanceof Error ? error.message : String(error)})`);
      throw new ReadModelBehindException();
    }
    if (!reached) throw new ReadModelBehindException();
  }

  private async headOrUnavailable(): Promise<Position | null> {
    try {
      return await this.store.headPosition();
    } catch (error) {
      this.logger.warn(`read after: the store's head cannot be read (${error instanceof Error ? error.message : String(error)})`);
      throw new ReadModelBehindException();
    }
  }
}

function badAfter(message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, code: 'validation_failed', message: '请求参数有误', errors: [{ field: 'after', message }] });
}
