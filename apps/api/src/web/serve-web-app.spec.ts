import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { serveWebApp } from './serve-web-app';

@Controller('api')
class PingController {
  @Get('ping')
  ping() {
    return { pong: true };
  }
}

@Module({ controllers: [PingController] })
class PingModule {}

const BIG_BUNDLE = 'console.log("代表建议督办");\n'.repeat(200);

/** A built web app beside the API, on a real server: what a browser and an API client get. */
describe('serveWebApp', () => {
  let dir: string;
  let app: NestExpressApplication;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'duban-web-'));
    mkdirSync(path.join(dir, 'assets'));
    mkdirSync(path.join(dir, 'api'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>督办</title>');
    writeFileSync(path.join(dir, 'assets', 'app-1a2b.js'), 'console.log("督办")');
    // The build's brotli copy of a bundle (apps/web/build/precompress-assets.ts).
    writeFileSync(path.join(dir, 'assets', 'big-3c4d.js'), BIG_BUNDLE);
    writeFileSync(path.join(dir, 'assets', 'big-3c4d.js.br'), brotliCompressSync(BIG_BUNDLE));
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
    // A file in the build named like an API path must never answer in the API's place.
    writeFileSync(path.join(dir, 'api', 'ping'), 'not the api');
    app = await NestFactory.create<NestExpressApplication>(PingModule, { logger: false });
    expect(serveWebApp(app, dir)).toBe(true);
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page, never cached, at / and at any route of the app (reload on a deep link)', async () => {
    for (const route of ['/', '/suggestions/s-1', '/supervision']) {
      const res = await fetch(base + route);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>督办</title>');
    }
  });

  it('serves the hashed bundles cached for a year (their names change with their content), root files for an hour', async () => {
    const bundle = await fetch(`${base}/assets/app-1a2b.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await bundle.text()).toBe('console.log("督办")');
    const icon = await fetch(`${base}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(await icon.text()).toBe('<svg/>');
  });

  it('sends the brotli copy to a browser that accepts it, and the plain file to one that does not', async () => {
    const compressed = await fetch(`${base}/assets/big-3c4d.js`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(compressed.headers.get('content-encoding')).toBe('br');
    expect(compressed.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await compressed.text()).toBe(BIG_BUNDLE);
    const plain = await fetch(`${base}/assets/big-3c4d.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(BIG_BUNDLE);
  });

  it('leaves /api to the API', async () => {
    const res = await fetch(`${base}/api/ping`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ pong: true });
  });

  it('answers nothing of the build when the web app is not built', () => {
    expect(serveWebApp(app, path.join(dir, 'missing'))).toBe(false);
  });
});
