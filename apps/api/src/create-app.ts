import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { bodyParserErrors } from './http/body-parser-errors';
import { jsonBodyRequired } from './http/json-body-required';
import { bodyShapeGuard } from './http/body-shape-guard';
import { answerClientErrors } from './http/client-errors';
import { configureCors } from './http/cors';
import { correlationMiddleware } from './http/correlation';
import { setUpSwagger } from './http/swagger';
import { createApiValidationPipe } from './http/validation/api-validation.pipe';
import { createRootLogger } from './observability/logging/create-root-logger';
import { PinoNestLogger } from './observability/logging/pino-nest-logger';
import { requestLogger } from './observability/logging/request-logger';
import { ApiMetrics } from './observability/metrics/api-metrics';
import { serveWebApp } from './web/serve-web-app';

export interface CreateAppOptions {
  /** Where the JSON log lines go (default stdout); tests pass a stream to read them back. */
  logDestination?: DestinationStream;
}

/**
 * The whole service, configured but not yet listening: main.ts and the end-to-end tests build it
 * the same way, so what the tests exercise is what runs.
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const rootLogger = createRootLogger(config.logLevel, options.logDestination);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
    // Start-up errors (a bad override file, an unreadable store) must reach the caller, not abort the process.
    abortOnError: false,
    logger: new PinoNestLogger(rootLogger),
  });
  app.disable('x-powered-by');
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // Ant Design and Swagger UI inject styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          // Served over plain HTTP on a LAN as often as behind TLS: never force https on sub-requests.
          upgradeInsecureRequests: null,
        },
      },
      // TLS, and so HSTS, belong to the reverse proxy that terminates it.
      strictTransportSecurity: false,
    }),
  );
  configureCors(app, config.corsOrigins);
  app.use(correlationMiddleware);
  app.use(requestLogger(rootLogger, app.get(ApiMetrics)));
  app.use(jsonBodyRequired);
  app.useBodyParser('json', { limit: config.jsonBodyLimit });
  app.use(bodyParserErrors);
  app.use(bodyShapeGuard);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createApiValidationPipe());
  setUpSwagger(app);
  serveWebApp(app, config.webDistPath);
  answerClientErrors(app.getHttpServer());
  return app;
}
