import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommandsModule } from '../commands/commands.module';
import { SuggestionAuditController } from './audit/suggestion-audit.controller';
import { BatchCommands } from './batch/batch-commands';
import { BatchController } from './batch/batch.controller';
import { SuggestionCommandsController } from './http/suggestion-commands.controller';
import { SuggestionQueriesController } from './http/suggestion-queries.controller';
import { TransferController } from './transfer/transfer.controller';
import { RehandlingController } from './rehandling/rehandling.controller';
import { CommitmentRatingController } from './commitment-rating/commitment-rating.controller';
import { AcknowledgeAnswerController } from './delivery/acknowledge-answer.controller';

@Module({
  imports: [CommandsModule, AuthModule],
  // BatchController first: its /suggestions/batch/accept must win over /suggestions/:id/accept.
  controllers: [BatchController, SuggestionCommandsController, SuggestionQueriesController, SuggestionAuditController, TransferController, RehandlingController, CommitmentRatingController, AcknowledgeAnswerController],
  providers: [BatchCommands],
  exports: [BatchCommands],
})
export class SuggestionsModule {}
