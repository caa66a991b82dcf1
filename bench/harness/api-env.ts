import { randomBytes } from 'node:crypto';

/** Password of the admin the api creates on first start with an empty store (S5). */
export const BENCH_ADMIN_PASSWORD = 'bench-admin-2026';

/**
 * The api's production configuration on the embedded store: no demo data, a real secret, the
 * system clock. What an operator runs, so the figures are the ones users get.
 */
export function apiEnv(paths: { eventsPath: string; readModelPath: string }): Record<string, string> {
  return {
    NODE_ENV: 'production',
    EVENT_STORE: 'sqlite',
    EVENT_STORE_PATH: paths.eventsPath,
    READ_MODEL_PATH: paths.readModelPath,
    JWT_SECRET: randomBytes(32).toString('hex'),
    // Production refuses to start without the audit chain's key (kept away from the store's folder).
    AUDIT_KEY: randomBytes(32).toString('hex'),
    DEMO_DATA: 'false',
    AUTH_BOOTSTRAP_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
    RULEBOOK: 'national',
    CLOCK: 'system',
  };
}
