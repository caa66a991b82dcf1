import { Inject, Type } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@duban/domain';
import type { CommandOutcome, RunOptions } from './command-outcome';
import { CommandPipeline } from './command-pipeline';
import type { StreamKind } from './stream-kind';

/**
 * A command for one aggregate of one stream kind, as sent on the CommandBus. Each kind has its own
 * subclass (RunSuggestionCommand, RunUserCommand, …), so a message says which stream it changes and
 * its `command` is typed by that kind's decider.
 */
export abstract class StreamCommand<S, C extends { type: string }> extends Command<CommandOutcome> {
  constructor(
    /** The aggregate id (suggestion id, login name, unit id, group id, user id of an inbox). */
    readonly id: string,
    readonly command: C,
    readonly actor: Actor,
    readonly options: RunOptions<S>,
  ) {
    super();
  }
}

/**
 * The CommandBus handler of one stream kind: the pipeline run itself, nothing in between.
 * Registered as a provider of CommandsModule, where Nest discovers it.
 */
export function pipelineHandler<S, C extends { type: string }, E extends { type: string; data: unknown }>(
  message: Type<StreamCommand<S, C>>,
  kind: StreamKind<S, C, E>,
): Type<ICommandHandler<StreamCommand<S, C>, CommandOutcome>> {
  @CommandHandler(message)
  class PipelineHandler implements ICommandHandler<StreamCommand<S, C>, CommandOutcome> {
    constructor(@Inject(CommandPipeline) private readonly pipeline: CommandPipeline) {}

    execute(message: StreamCommand<S, C>): Promise<CommandOutcome> {
      return this.pipeline.run(kind, message.id, message.command, message.actor, message.options);
    }
  }
  Object.defineProperty(PipelineHandler, 'name', { value: `${message.name}Handler` });
  return PipelineHandler;
}
