import './register-paths';
import { Logger } from '@nestjs/common';
import { ConfigError } from './config/config-error';
import { loadConfig } from './config/load-config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  // SIGTERM/SIGINT close the projector and the event store before the process exits.
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const logger = new Logger('main');
  logger.log(`Duban API listening on http://${config.host}:${config.port}/api (OpenAPI: /api/docs)`);
  logger.log(`event store: ${config.eventStore.kind}; rulebook: ${config.rulebookId}; clock: ${config.clock}; demo data: ${config.demoData ? 'on' : 'off'}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  }
  process.exit(1);
});
