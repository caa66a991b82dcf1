import { createEventStore, EventStore, EventStoreConfigError } from '@duban/event-store';
import type { EventStoreConfig } from '../config/app-config';
import { ConfigError } from '../config/config-error';

/** The configured adapter behind the one port; nothing else in the api knows which it is. */
export function openEventStore(config: EventStoreConfig): EventStore {
  try {
    return createEventStore(config, {});
  } catch (error) {
    if (error instanceof EventStoreConfigError) throw new ConfigError([error.message]);
    throw error;
  }
}
