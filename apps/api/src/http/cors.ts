import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * Browsers may call the API from the origins in CORS_ORIGINS only. With none configured no CORS
 * headers are sent at all: the web app is served by the API itself (same origin), and any other
 * site's script is refused by the browser.
 */
export function configureCors(app: NestExpressApplication, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  app.enableCors({
    origin: (origin: string | undefined, callback: (error: Error | null, allow?: boolean | string) => void) => {
      callback(null, origin !== undefined && allowed.has(origin) ? origin : false);
    },
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Correlation-Id'],
    exposedHeaders: ['ETag', 'X-Correlation-Id', 'Idempotent-Replayed', 'Retry-After'],
    maxAge: 600,
  });
}
