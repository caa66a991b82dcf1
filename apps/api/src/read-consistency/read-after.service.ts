import { BadRequestException, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { comparePositions, EVENT_STORE, type EventStore, parsePosition } from '@duban/event-store';
import type { Projector } from '@duban/read-models';
import { PROJECTOR } from '../infrastructure/tokens';

/** How long a query waits for the projector to reach a write's position before giving up. */
export const READ_AFTER_TIMEOUT_MS = 2000;

/**
 * Read-your-writes: a command answers with its position; a query given `?after=<position>`
 * waits (bounded) until the read model includes it. Answering from a read model that is still
 * behind would silently show the old state, so a timeout is a 503 the client can retry.
 */
@Injectable()
export class ReadAfterService {
  constructor(
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async waitFor(after: string | undefined): Promise<void> {
    if (after === undefined || after === '') return;
    const position = parsePosition(after);
    if (position === null) throw badAfter('after 须为命令返回的 position，例如 42');
    if (this.projector.checkpoint() !== null && comparePositions(position, this.projector.checkpoint()!) <= 0) return;
    // Beyond the store's head it names no write at all: waiting could only end in a 503, two seconds later.
    const head = await this.store.headPosition();
    if (head === null || comparePositions(position, head) > 0) throw badAfter('after 超出了已写入的位置：请使用命令返回的 position');
    const reached = await this.projector.waitFor(position, READ_AFTER_TIMEOUT_MS);
    if (!reached) {
      throw new ServiceUnavailableException({ statusCode: 503, code: 'read_model_behind', message: '数据仍在更新，请稍后重试' });
    }
  }
}

function badAfter(message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, code: 'validation_failed', message: '请求参数有误', errors: [{ field: 'after', message }] });
}
