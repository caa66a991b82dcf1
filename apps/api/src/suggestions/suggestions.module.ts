import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../auth/auth.module';
import { SuggestionAuditController } from './audit/suggestion-audit.controller';
import { ExecuteSuggestionHandler } from './execution/execute-suggestion.handler';
import { SuggestionCommandsController } from './http/suggestion-commands.controller';
import { SuggestionQueriesController } from './http/suggestion-queries.controller';

@Module({
  imports: [CqrsModule.forRoot(), AuthModule],
  controllers: [SuggestionCommandsController, SuggestionQueriesController, SuggestionAuditController],
  providers: [ExecuteSuggestionHandler],
  exports: [ExecuteSuggestionHandler],
})
export class SuggestionsModule {}
