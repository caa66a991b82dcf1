import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SessionCatalogue } from './session-catalogue';
import { SessionsController } from './sessions.controller';
import { AssignmentDateSpreader } from './assignment-date-spreader';
import { SuggestionNumbering } from './suggestion-numbering';
import { SuggestionRegistration } from './suggestion-registration';

/** Sessions (届次/会次); the catalogue is global: submission, numbering and imports resolve sessions through it. */
@Global()
@Module({
  imports: [AuthModule],
  controllers: [SessionsController],
  providers: [SessionCatalogue, SuggestionNumbering, SuggestionRegistration, AssignmentDateSpreader],
  exports: [SessionCatalogue, SuggestionNumbering, SuggestionRegistration],
})
export class SessionsModule {}
