import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommandsModule } from '../commands/commands.module';
import { SuggestionAuditController } from './audit/suggestion-audit.controller';
import { SuggestionCommandsController } from './http/suggestion-commands.controller';
import { SuggestionQueriesController } from './http/suggestion-queries.controller';
import { TransferController } from './transfer/transfer.controller';
import { AcknowledgeAnswerController } from './delivery/acknowledge-answer.controller';

@Module({
  imports: [CommandsModule, AuthModule],
  controllers: [SuggestionCommandsController, SuggestionQueriesController, SuggestionAuditController, TransferController, AcknowledgeAnswerController],
})
export class SuggestionsModule {}
