import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@duban/event-store';
import { rebuildReadModels } from '@duban/read-models';
import { dumpReadModel } from '@duban/read-models/testing/dump-read-model';
import { ensureBuiltServer, REPO_ROOT } from './support/built-server';
import { CrashClient } from './support/crash-client';
import { ServerProcess, freePort, sleep } from './support/server-process';
import { checkLedger, integrityCheck, readAllEvents } from './support/store-check';
import { seededRandom } from '../../libs/domain/src/testing/seeded-random';
import { Actors, Workload } from './support/workload';

/** `npm test` keeps CI fast with a few kills; `npm run test:crash` sets CRASH_KILLS=25. */
const KILLS = Number(process.env.CRASH_KILLS ?? 5);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
const ADMIN_PASSWORD = 'crash-admin-password';
const PASSWORD = 'crash-password';
const LANES = 4;

/**
 * The built service (dist/, what `npm start` runs) as a child process on a temp data folder,
 * driven by several people at once and killed with SIGKILL at random moments, then restarted,
 * again and again. Clients retry unanswered commands with the same Idempotency-Key, as a real
 * client would. At the end every acknowledged command must be stored exactly once, where and at
 * the revision it was acknowledged with; no refused command may have left an event; the read
 * model that followed all of this must equal one rebuilt from the events; both files must pass
 * SQLite's integrity check.
 */
describe('crash safety: SIGKILL at random moments never loses an acknowledged command', () => {
  let dir: string;
  let server: ServerProcess;
  let failed = true;

  // A clean clone builds dist/ first (tsc, one core): 30-60 s on a quiet machine, five minutes
  // seen on a shared one busy with parallel test files.
  beforeAll(async () => {
    const build = ensureBuiltServer();
    if (build.built) console.log(`crash test: built dist/ in ${build.ms} ms`);
    dir = mkdtempSync(path.join(tmpdir(), 'duban-crash-'));
    server = new ServerProcess(
      {
        NODE_ENV: 'test',
        EVENT_STORE_PATH: path.join(dir, 'events.sqlite'),
        READ_MODEL_PATH: path.join(dir, 'read-model.sqlite'),
        DEMO_DATA: 'off',
        CLOCK: 'system',
        AUTH_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
        WEB_DIST_PATH: path.join(dir, 'no-web-app'),
        LOG_LEVEL: 'warn',
        LOGIN_RATE_PER_MINUTE: '1000',
      },
      await freePort(),
      path.join(dir, 'server.log'),
    );
    await server.start();
  }, 600_000);

  afterAll(async () => {
    await server?.kill();
    if (!dir) return;
    if (failed) console.log(`crash test failed: data and server log kept in ${dir} (CRASH_SEED=${SEED})`);
    else rmSync(dir, { recursive: true, force: true });
  });

  it(
    `acknowledged = stored exactly once, refused = nothing stored, across ${KILLS} kills`,
    async () => {
      const random = seededRandom(SEED);
      const client = new CrashClient(() => server.baseUrl);
      const actors = await createOrganisation(client, server.baseUrl);
      const workload = new Workload(client, actors, random);

      let running = true;
      const work = workload.run(() => running);
      let kills = 0;
      const startedAt = Date.now();
      while (kills < KILLS) {
        // Random moments: right after a start (catch-up running) as well as in the thick of it.
        await sleep(100 + Math.floor(random() * 1400));
        client.serverDown();
        await server.kill();
        kills += 1;
        await server.start();
        client.serverUp();
      }
      await sleep(300);
      running = false;
      await work;

      const head = await waitForCatchUp(server.baseUrl);
      await server.stop();

      const eventsPath = path.join(dir, 'events.sqlite');
      const readModelPath = path.join(dir, 'read-model.sqlite');
      const events = await readAllEvents(eventsPath);
      const verdict = checkLedger(client.ledger, events);

      const rebuiltPath = path.join(dir, 'rebuilt.sqlite');
      const store = new SqliteEventStore({ path: eventsPath });
      try {
        await rebuildReadModels(store, rebuiltPath);
      } finally {
        await store.close();
      }
      const live = dumpReadModel(readModelPath);
      const rebuilt = dumpReadModel(rebuiltPath);
      const integrity = { events: integrityCheck(eventsPath), readModel: integrityCheck(readModelPath) };

      const figures = {
        seed: SEED,
        killsSurvived: kills,
        commandsSent: client.ledger.length,
        commandsAcknowledged: verdict.acknowledged,
        acknowledgedByReplayAfterCrash: verdict.replayedAfterCrash,
        triesLeftUnansweredByAKill: client.ledger.reduce((n, e) => n + e.inDoubt, 0),
        refused: verdict.refused,
        eventsLost: verdict.lost.length,
        eventsDuplicated: verdict.duplicated.length,
        refusedWithEvents: verdict.refusedWithEvents.length,
        orphanEvents: verdict.orphans.length,
        eventsInStore: verdict.events,
        headPosition: head,
        suggestions: workload.suggestionIds.length,
        integrityCheck: integrity,
        seconds: Math.round((Date.now() - startedAt) / 100) / 10,
      };
      console.log(`crash safety figures:\n${JSON.stringify(figures, null, 2)}`);
      mkdirSync(path.join(REPO_ROOT, 'test-output'), { recursive: true });
      writeFileSync(path.join(REPO_ROOT, 'test-output', 'crash-safety.json'), `${JSON.stringify(figures, null, 2)}\n`);

      expect(kills).toBe(KILLS);
      expect(verdict.lost).toEqual([]);
      expect(verdict.duplicated).toEqual([]);
      expect(verdict.refusedWithEvents).toEqual([]);
      expect(verdict.orphans).toEqual([]);
      // The run must have exercised something: acknowledged and refused commands on several suggestions.
      expect(verdict.acknowledged).toBeGreaterThan(KILLS * 3);
      expect(verdict.refused).toBeGreaterThan(0);
      expect(integrity).toEqual({ events: 'ok', readModel: 'ok' });
      for (const table of Object.keys(rebuilt)) expect({ table, rows: live[table] }).toEqual({ table, rows: rebuilt[table] });
      failed = false;
    },
    180_000 + KILLS * 20_000,
  );
});

/** Units, staff, a supervisor and one deputy + unit account per lane, through the admin API (themselves ledgered). */
async function createOrganisation(client: CrashClient, baseUrl: string): Promise<Actors> {
  const admin = await login(baseUrl, 'admin', ADMIN_PASSWORD);
  const created = async (pathName: string, body: Record<string, string>, streamId: string, type: string) => {
    const entry = await client.send('POST', pathName, body, { token: admin, expectedEvent: type, streamId });
    if (entry.outcome !== 'acked') throw new Error(`${pathName} ${JSON.stringify(body)}: ${entry.status} ${JSON.stringify(entry.body)}`);
  };
  const user = (username: string, role: string, unitId?: string) =>
    created(
      '/api/users',
      { username, password: PASSWORD, displayName: `用户 ${username}`, role, ...(unitId ? { unitId } : {}) },
      `user-${username}`,
      'UserRegistered',
    );
  await user('staff1', 'staff');
  await user('super1', 'supervisor');
  for (let i = 1; i <= LANES; i++) {
    await created('/api/units', { id: `unit${i}`, name: `第${i}承办单位` }, `unit-unit${i}`, 'UnitRegistered');
    await user(`deputy${i}`, 'deputy');
    await user(`handler${i}`, 'unit', `unit${i}`);
  }
  const lanes = [];
  for (let i = 1; i <= LANES; i++) {
    lanes.push({ deputy: await login(baseUrl, `deputy${i}`, PASSWORD), unit: await login(baseUrl, `handler${i}`, PASSWORD), unitId: `unit${i}` });
  }
  return { staff: await login(baseUrl, 'staff1', PASSWORD), supervisor: await login(baseUrl, 'super1', PASSWORD), lanes };
}

async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (response.status !== 200 || !body.accessToken) throw new Error(`login ${username}: ${response.status}`);
  return body.accessToken;
}

/** Waits until the projector has applied everything in the store; returns the head position. */
async function waitForCatchUp(baseUrl: string): Promise<string | null> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { store: { head: string | null }; projector: { lag: number; checkpoint: string | null } };
    if (health.projector.lag === 0 && health.projector.checkpoint === health.store.head) return health.store.head;
    if (Date.now() > deadline) throw new Error(`read model did not catch up: ${JSON.stringify(health)}`);
    await sleep(100);
  }
}
