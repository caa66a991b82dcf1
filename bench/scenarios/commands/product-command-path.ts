import { randomUUID } from 'node:crypto';
import type { EventStore } from '@duban/event-store';
import { SystemClock } from '../../../apps/api/src/clock/clock';
import { CommandPipeline } from '../../../apps/api/src/commands/command-pipeline';
import { SUGGESTION_STREAM } from '../../../apps/api/src/suggestions/execution/suggestion-stream';
import { DomainContext } from '../../generator/suggestion-history';
import { CommandFixture } from './command-fixtures';

/**
 * The api's own command pipeline (read stream → upcast → fold → decide → append with the expected
 * revision) on the suggestion stream kind, constructed without Nest: the same run the CommandBus
 * handler of RunSuggestionCommand makes, minus the bus's dispatch.
 */
export function productCommandPath(store: EventStore, ctx: DomainContext): (fixture: CommandFixture, step: CommandFixture['steps'][number]) => Promise<void> {
  const pipeline = new CommandPipeline(store, ctx.rulebook, ctx.calendar, new SystemClock());
  return async (fixture, step) => {
    await pipeline.run(SUGGESTION_STREAM, fixture.suggestionId, step.command, step.actor, {
      correlationId: randomUUID(),
      causationId: randomUUID(),
    });
  };
}
