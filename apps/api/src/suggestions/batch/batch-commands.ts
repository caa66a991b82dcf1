import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor, SuggestionCommand } from '@duban/domain';
import type { RunOptions } from '../../commands/command-outcome';
import { RunSuggestionCommand } from '../execution/suggestion-stream';
import { BATCH_CONCURRENCY } from './batch-limits';
import { BatchItemResult, BatchResult, itemFailed, itemSucceeded, latestPosition } from './batch-result';

/** One item of a batch: which suggestion, its command, and a check its single route would make first. */
export interface BatchItem {
  id: string;
  command: SuggestionCommand;
  /** E.g. that the named units exist: the single route's 400, which then concerns only this item. */
  precheck?: () => Promise<void>;
}

/**
 * Runs many suggestion commands, each exactly as its single route would (the same CommandBus
 * message through the same pipeline, so every refusal maps to the same status and code), a few
 * at a time. Items are independent: a conflict, a missing id or a refusal is that item's result,
 * and the others go on. Results come back in the order of the items.
 */
@Injectable()
export class BatchCommands {
  private readonly logger = new Logger('batch');

  constructor(private readonly commandBus: CommandBus) {}

  async run(items: readonly BatchItem[], actor: Actor, options: Pick<RunOptions, 'correlationId' | 'causationId'>, concurrency = BATCH_CONCURRENCY): Promise<BatchResult> {
    const results: BatchItemResult[] = new Array(items.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        const index = next++;
        const item = items[index]!;
        results[index] = await this.runOne(item, actor, options);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
    return { results, position: latestPosition(results) };
  }

  private async runOne(item: BatchItem, actor: Actor, options: Pick<RunOptions, 'correlationId' | 'causationId'>): Promise<BatchItemResult> {
    try {
      await item.precheck?.();
      // Each item its own options object: the pipeline may note things on it.
      const outcome = await this.commandBus.execute(
        new RunSuggestionCommand(item.id, item.command, actor, { correlationId: options.correlationId, causationId: options.causationId }),
      );
      return itemSucceeded(item.id, outcome);
    } catch (error) {
      const result = itemFailed(item.id, error);
      // The single route's filter would have logged a server fault; a batch answers 200, so log it here.
      if (result.status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return result;
    }
  }
}
