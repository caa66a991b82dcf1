import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { TestClockController } from './clock/test-clock.controller';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './config/core.module';
import { DemoSeeder } from './demo/demo-seeder';
import { HealthController } from './health/health.controller';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { ObservabilityModule } from './observability/observability.module';
import { OperationsModule } from './operations/operations.module';
import { CalendarModule } from './calendar/calendar.module';
import { RulebookController } from './rulebook/rulebook.controller';
import { FirstStartService } from './startup/first-start.service';
import { SuggestionsModule } from './suggestions/suggestions.module';
import { SuggestionQueriesModule } from './suggestions/queries/suggestion-queries.module';
import { DisclosureModule } from './disclosure/disclosure.module';
import { ExportModule } from './export/export.module';
import { GroupsModule } from './groups/groups.module';
import { ImportsModule } from './imports/imports.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SchedulerModule } from './scheduler/scheduler.module';
import { SessionsModule } from './sessions/sessions.module';
import { DelegationsModule } from './delegations/delegations.module';
import { SupervisionModule } from './supervision/supervision.module';
import { RoutingModule } from './routing/routing.module';

/** Built from a validated config, so tests start it on their own files and settings. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(config),
        ObservabilityModule,
        InfrastructureModule,
        AuthModule,
        SuggestionsModule,
        SuggestionQueriesModule,
        // 大督办: deadlines that act, notifications, supervision, export, disclosure, grouping.
        SchedulerModule,
        NotificationsModule,
        SupervisionModule,
        ExportModule,
        DisclosureModule,
        GroupsModule,
        AttachmentsModule,
        ImportsModule,
        AuditModule,
        OperationsModule,
        SessionsModule,
        DelegationsModule,
        RoutingModule,
        CalendarModule,
      ],
      controllers: [
        HealthController,
        RulebookController,
        // The test clock exists only when the config chose a manual clock (never in production).
        ...(config.clock === 'manual' ? [TestClockController] : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        DemoSeeder,
        FirstStartService,
      ],
    };
  }
}
