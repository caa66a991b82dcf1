import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SessionCatalogue } from './session-catalogue';
import { SessionsController } from './sessions.controller';

/** Sessions (届次/会次); the catalogue is global: submission, numbering and imports resolve sessions through it. */
@Global()
@Module({
  imports: [AuthModule],
  controllers: [SessionsController],
  providers: [SessionCatalogue],
  exports: [SessionCatalogue],
})
export class SessionsModule {}
