import { randomUUID } from 'node:crypto';
import type { EventBus } from '@nestjs/cqrs';
import type { EventStore } from '@duban/event-store';
import { SystemClock } from '../../../apps/api/src/clock/clock';
import { ExecuteSuggestionCommand } from '../../../apps/api/src/suggestions/execution/execute-suggestion.command';
import { ExecuteSuggestionHandler } from '../../../apps/api/src/suggestions/execution/execute-suggestion.handler';
import { DomainContext } from '../../generator/suggestion-history';
import { CommandFixture } from './command-fixtures';

/**
 * The api's own command handler (read stream → fold → decide → append with the expected
 * revision), constructed without Nest. Its EventBus only fans appended events out to in-process
 * listeners after the append; S3 is not about them, so it gets one that drops them.
 */
export function productCommandPath(store: EventStore, ctx: DomainContext): (fixture: CommandFixture, step: CommandFixture['steps'][number]) => Promise<void> {
  const dropEvents = { publish: () => undefined, publishAll: () => undefined } as unknown as EventBus;
  const handler = new ExecuteSuggestionHandler(store, ctx.rulebook, ctx.calendar, new SystemClock(), dropEvents);
  return async (fixture, step) => {
    await handler.execute(
      new ExecuteSuggestionCommand(fixture.suggestionId, step.command, step.actor, {
        correlationId: randomUUID(),
        causationId: randomUUID(),
      }),
    );
  };
}
