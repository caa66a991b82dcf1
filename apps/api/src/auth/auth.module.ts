import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccountCommandsService } from '../accounts/account-commands.service';
import { AccountDirectory } from '../accounts/account-directory';
import { AccountsController } from '../accounts/accounts.controller';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { LoginThrottle } from './login-throttle/login-throttle';
import { RolesGuard } from './roles.guard';

/** Login, tokens, the global guards (token first, then role), and the accounts they rest on. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.jwtExpiresIn as `${number}h`, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, AccountsController],
  providers: [
    AuthService,
    LoginThrottle,
    AccountDirectory,
    AccountCommandsService,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AccountDirectory, AccountCommandsService],
})
export class AuthModule {}
