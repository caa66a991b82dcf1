import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Files at the build's root (favicon…) keep their names across releases: a browser asks again after an hour. */
const ROOT_FILE_MAX_AGE = '1h';
/**
 * Vite names every file under assets/ by its content hash, so a file of that name never changes:
 * a browser may keep it for a year without asking again (a new release names new files).
 */
const HASHED_ASSET_MAX_AGE = '365d';
/** The folder vite writes its hashed bundles to. */
const HASHED_ASSETS_FOLDER = 'assets';

/**
 * Serves the built web app at `/` when apps/web/dist exists. Any other GET outside /api gets
 * index.html, so the app's own routes survive a reload (SPA fallback).
 *
 * The file server is mounted once per folder of the build (`/assets`…), and files at the build's
 * root are served by name: an API request never reaches the file system. (Mounted at `/`, it
 * looked every `/api/...` path up on disk first — a stat in the thread pool on every query.)
 * The build writes a brotli and a gzip copy beside each bundle (apps/web/vite.config.ts): a phone
 * on a slow link receives about a quarter of the bytes, with no compression work per request.
 */
export function serveWebApp(app: NestExpressApplication, distPath: string): boolean {
  const index = path.join(distPath, 'index.html');
  if (!existsSync(index)) return false;
  const rootFiles = new Set<string>();
  for (const entry of readdirSync(distPath, { withFileTypes: true })) {
    // Nothing of the build may answer in the API's place, whatever it contains.
    if (entry.name === 'api') continue;
    if (entry.isDirectory()) app.use(`/${entry.name}`, folderServer(path.join(distPath, entry.name), entry.name === HASHED_ASSETS_FOLDER));
    else if (entry.name !== 'index.html' && !isCompressedCopy(entry.name)) rootFiles.add(entry.name);
  }
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) {
      next();
      return;
    }
    const rootFile = req.path.slice(1);
    if (rootFiles.has(rootFile)) {
      res.sendFile(path.join(distPath, rootFile), { maxAge: ROOT_FILE_MAX_AGE }, (error) => {
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

function folderServer(folder: string, hashed: boolean) {
  return expressStaticGzip(folder, {
    enableBrotli: true,
    // Brotli is smaller than gzip for the same bundle; a client that accepts both gets brotli.
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: hashed ? { maxAge: HASHED_ASSET_MAX_AGE, immutable: true } : { maxAge: ROOT_FILE_MAX_AGE },
  });
}

function isCompressedCopy(name: string): boolean {
  return name.endsWith('.br') || name.endsWith('.gz');
}
