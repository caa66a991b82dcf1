import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { bodyParserErrors } from './http/body-parser-errors';
import { correlationMiddleware } from './http/correlation';
import { setUpSwagger } from './http/swagger';
import { createApiValidationPipe } from './http/validation/api-validation.pipe';
import { serveWebApp } from './web/serve-web-app';

export interface CreateAppOptions {
  /** Nest log levels; `false` silences the framework (tests). */
  logger?: LogLevel[] | false;
}

/**
 * The whole service, configured but not yet listening: main.ts and the end-to-end tests build it
 * the same way, so what the tests exercise is what runs.
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
    // Start-up errors (a bad override file, an unreadable store) must reach the caller, not abort the process.
    abortOnError: false,
    logger: options.logger ?? ['log', 'warn', 'error', 'fatal'],
  });
  app.disable('x-powered-by');
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
  app.use(correlationMiddleware);
  app.useBodyParser('json', { limit: config.jsonBodyLimit });
  app.use(bodyParserErrors);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createApiValidationPipe());
  setUpSwagger(app);
  serveWebApp(app, config.webDistPath);
  return app;
}
