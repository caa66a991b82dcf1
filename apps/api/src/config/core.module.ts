import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, ManualClock, SystemClock } from '../clock/clock';
import type { AppConfig } from './app-config';
import { APP_CONFIG } from './app-config.token';

/** The validated config and the one Clock, available everywhere. */
@Global()
@Module({})
export class CoreModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: config.clock === 'manual' ? new ManualClock() : new SystemClock() },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}
