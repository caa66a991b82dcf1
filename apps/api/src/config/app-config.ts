import type { EventStoreConfig } from '@duban/event-store';

export type { EventStoreConfig };

export type ClockMode = 'system' | 'manual';

/** Everything the service reads from its environment, validated once at start. */
export interface AppConfig {
  nodeEnv: string;
  production: boolean;
  port: number;
  host: string;
  eventStore: EventStoreConfig;
  readModelPath: string;
  rulebookId: string;
  calendarOverridesPath?: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  clock: ClockMode;
  bootstrapAdminPassword?: string;
  demoData: boolean;
  /** The built web app; served at `/` when the folder exists. */
  webDistPath: string;
  /** Largest accepted JSON body, in the body parser's notation (`1mb`). */
  jsonBodyLimit: string;
}
