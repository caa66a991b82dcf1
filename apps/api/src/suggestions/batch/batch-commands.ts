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
  /**
   * The command, or how its single route makes it (立案 claims the suggestion's number first).
   * Those are made one after the other, in the order of the items, before any command runs: the
   * numbers then follow the order the staff listed the suggestions in, and claims never race.
   */
  command: SuggestionCommand | (() => Promise<SuggestionCommand>);
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
    const commands: (SuggestionCommand | null)[] = [];
    for (const [index, item] of items.entries()) {
      if (typeof item.command !== 'function') {
        commands.push(item.command);
        continue;
      }
      try {
        await item.precheck?.();
        commands.push(await item.command());
      } catch (error) {
        commands.push(null);
        results[index] = this.failed(item.id, error);
      }
    }
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        const index = next++;
        const command = commands[index];
        if (command === null || command === undefined) continue;
        results[index] = await this.runOne(items[index]!, command, actor, options);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
    return { results, position: latestPosition(results) };
  }

  private async runOne(item: BatchItem, command: SuggestionCommand, actor: Actor, options: Pick<RunOptions, 'correlationId' | 'causationId'>): Promise<BatchItemResult> {
    try {
      // A made command had its precheck before it was made.
      if (typeof item.command !== 'function') await item.precheck?.();
      // Each item its own options object: the pipeline may note things on it.
      const outcome = await this.commandBus.execute(
        new RunSuggestionCommand(item.id, command, actor, { correlationId: options.correlationId, causationId: options.causationId }),
      );
      return itemSucceeded(item.id, outcome);
    } catch (error) {
      return this.failed(item.id, error);
    }
  }

  private failed(id: string, error: unknown): BatchItemResult {
    const result = itemFailed(id, error);
    // The single route's filter would have logged a server fault; a batch answers 200, so log it here.
    if (result.status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return result;
  }
}
