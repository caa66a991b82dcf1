import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import { loadConfig } from '../../apps/api/src/config/load-config';
import { createApp, CreateAppOptions } from '../../apps/api/src/create-app';
import { HttpClient } from './http-client';

export const TEST_ADMIN_PASSWORD = 'admin-e2e-password';
/** The audit key of every test app, so a test can check a keyed hash (and no key file is generated outside the temp folder). */
export const TEST_AUDIT_KEY = 'e2e0'.repeat(16);

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** The temp folder holding the event store and read model files. */
  dataDir: string;
  baseUrl: string;
  http: HttpClient;
  /** Stops the server and closes its files; the data folder stays for a restart. */
  stop(): Promise<void>;
  /** Stops and deletes the data folder. */
  dispose(): Promise<void>;
}

/**
 * Starts the real service in this process on a fresh temp folder (or `dataDir`, to restart on
 * the same files) and a free port. The environment is passed in, never read from process.env,
 * so parallel test files cannot disturb each other.
 */
export async function startTestApp(env: Record<string, string> = {}, dataDir?: string, options: CreateAppOptions = {}): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'duban-e2e-'));
  try {
    return await start(env, dir, options);
  } catch (error) {
    // A refused start (the production-config tests) must not leave its temp folder behind.
    if (dataDir === undefined) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function start(env: Record<string, string>, dir: string, options: CreateAppOptions): Promise<TestApp> {
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      EVENT_STORE_PATH: 'events.sqlite',
      READ_MODEL_PATH: 'read-model.sqlite',
      DEMO_DATA: 'off',
      CLOCK: 'manual',
      AUTH_BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      WEB_DIST_PATH: 'no-web-app',
      // Quiet unless something breaks; the observability test reads the info lines itself.
      LOG_LEVEL: 'error',
      // Every test logs in from 127.0.0.1: pacing is tested on its own (sessions test), not tripped by accident.
      LOGIN_RATE_PER_MINUTE: '1000',
      AUDIT_KEY: TEST_AUDIT_KEY,
      AUDIT_SEAL_DIR: 'audit-seals',
      ...env,
    },
    dir,
  );
  const app = await createApp(config, options);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    app,
    config,
    dataDir: dir,
    baseUrl,
    http: new HttpClient(baseUrl),
    stop,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
