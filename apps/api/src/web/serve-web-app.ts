import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * Serves the built web app at `/` when apps/web/dist exists. Any other GET outside /api gets
 * index.html, so the app's own routes survive a reload (SPA fallback).
 */
export function serveWebApp(app: NestExpressApplication, distPath: string): boolean {
  const index = path.join(distPath, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(distPath, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) {
      next();
      return;
    }
    // index.html names hashed assets: never cache it, or a new release would load old bundles.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (error) => {
      // The page was there at start but is gone now (a rebuild of the web app is under way).
      if (error && !res.headersSent) res.status(404).json({ statusCode: 404, message: '网页尚未构建，请运行 npm run build:web' });
    });
  });
  return true;
}
