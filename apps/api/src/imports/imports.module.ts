import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { SuggestionsModule } from '../suggestions/suggestions.module';
import { AssignmentPlanImport } from './assignment-plan-import';
import { ImportJobs } from './import-jobs';
import { ImportSessions } from './import-sessions';
import { ImportsController } from './imports.controller';
import { SuggestionImport } from './suggestion-import';

/** 批量导入: the suggestions of a congress session and the 交办会's assignment plan, from Excel. */
@Module({
  imports: [CommandsModule, SuggestionsModule],
  controllers: [ImportsController],
  providers: [SuggestionImport, AssignmentPlanImport, ImportJobs, ImportSessions],
})
export class ImportsModule {}
