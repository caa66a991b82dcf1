import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { TestClockController } from './clock/test-clock.controller';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './config/core.module';
import { DemoSeeder } from './demo/demo-seeder';
import { HealthController } from './health/health.controller';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { RulebookController } from './rulebook/rulebook.controller';
import { FirstStartService } from './startup/first-start.service';
import { SuggestionsModule } from './suggestions/suggestions.module';

/** Built from a validated config, so tests start it on their own files and settings. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.register(config), InfrastructureModule, AuthModule, SuggestionsModule],
      controllers: [
        HealthController,
        RulebookController,
        // The test clock exists only when the config chose a manual clock (never in production).
        ...(config.clock === 'manual' ? [TestClockController] : []),
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }, DemoSeeder, FirstStartService],
    };
  }
}
