import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

const STATIC_MAX_AGE = '1h';

/**
 * Serves the built web app at `/` when apps/web/dist exists. Any other GET outside /api gets
 * index.html, so the app's own routes survive a reload (SPA fallback).
 *
 * The file server is mounted once per folder of the build (`/assets`…), and files at the build's
 * root are served by name: an API request never reaches the file system. (Mounted at `/`, it
 * looked every `/api/...` path up on disk first — a stat in the thread pool on every query.)
 */
export function serveWebApp(app: NestExpressApplication, distPath: string): boolean {
  const index = path.join(distPath, 'index.html');
  if (!existsSync(index)) return false;
  const rootFiles = new Set<string>();
  for (const entry of readdirSync(distPath, { withFileTypes: true })) {
    // Nothing of the build may answer in the API's place, whatever it contains.
    if (entry.name === 'api') continue;
    if (entry.isDirectory()) app.useStaticAssets(path.join(distPath, entry.name), { prefix: `/${entry.name}`, index: false, maxAge: STATIC_MAX_AGE });
    else if (entry.name !== 'index.html') rootFiles.add(entry.name);
  }
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) {
      next();
      return;
    }
    const rootFile = req.path.slice(1);
    if (rootFiles.has(rootFile)) {
      res.sendFile(path.join(distPath, rootFile), { maxAge: STATIC_MAX_AGE }, (error) => {
        if (error && !res.headersSent) next();
      });
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
