import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DelegationDirectory } from './delegation-directory';
import { DelegationsController } from './delegations.controller';

/** Delegations (代表团); the directory is global: users and submissions refer to delegations. */
@Global()
@Module({
  imports: [AuthModule],
  controllers: [DelegationsController],
  providers: [DelegationDirectory],
  exports: [DelegationDirectory],
})
export class DelegationsModule {}
