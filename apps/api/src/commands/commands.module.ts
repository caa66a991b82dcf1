import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RunUnitHandler, RunUserHandler } from '../accounts/account-streams';
import { RunGroupHandler } from '../groups/group-stream';
import { RunInboxHandler } from '../notifications/inbox/inbox-stream';
import { RunDelegationHandler } from '../delegations/delegation-stream';
import { RunSessionHandler } from '../sessions/session-stream';
import { RunSuggestionHandler } from '../suggestions/execution/suggestion-stream';
import { RunCalendarHandler } from '../calendar/calendar-stream';
import { CommandPipeline } from './command-pipeline';

/**
 * The CommandBus and its handlers: one per stream kind, each the pipeline run. A new stream kind
 * adds its handler here; a new command of an existing kind adds nothing.
 */
@Global()
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [CommandPipeline, RunSuggestionHandler, RunUnitHandler, RunUserHandler, RunGroupHandler, RunInboxHandler, RunSessionHandler, RunDelegationHandler, RunCalendarHandler],
  exports: [CommandPipeline],
})
export class CommandsModule {}
