import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = path.join(__dirname, '../..');
const BIN = path.join(ROOT, 'node_modules/.bin');

/**
 * A third party generates a typed client from the served document (openapi-typescript +
 * openapi-fetch) and writes the main flow against it: login token, revision for If-Match, the
 * detail's status, the list's items and the error code must all be typed, so the flow compiles
 * under --strict without a cast. Generated under node_modules/.cache so 'openapi-fetch' resolves.
 */
describe('a client generated from the served document', () => {
  let app: TestApp;
  let dir: string;

  beforeAll(async () => {
    app = await startTestApp();
    mkdirSync(path.join(ROOT, 'node_modules/.cache'), { recursive: true });
    dir = mkdtempSync(path.join(ROOT, 'node_modules/.cache/duban-openapi-client-'));
  });

  afterAll(async () => {
    await app?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('compiles the main flow under --strict', async () => {
    writeFileSync(path.join(dir, 'openapi.json'), await (await fetch(`${app.baseUrl}/api/docs-json`)).text());
    const run = promisify(execFile);
    await run(path.join(BIN, 'openapi-typescript'), ['openapi.json', '-o', 'api.ts'], { cwd: dir });
    copyFileSync(path.join(__dirname, 'main-flow.client.mts.tpl'), path.join(dir, 'main-flow.client.mts'));
    const compiled = await run(
      path.join(BIN, 'tsc'),
      ['--ignoreConfig', '--strict', '--noEmit', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', '--types', 'node', 'main-flow.client.mts'],
      { cwd: dir },
    ).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(compiled).toBe('');
  }, 120_000); // two compilers in child processes: 10–20 s on a quiet machine, more on a busy host
});
