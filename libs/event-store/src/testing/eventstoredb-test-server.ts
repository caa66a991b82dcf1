import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { StartedTestContainer } from 'testcontainers';

/** The current LTS. ESDB_TEST_IMAGE=eventstore/eventstore:24.10 runs the same tests on the previous one. */
export const DEFAULT_ESDB_TEST_IMAGE = 'kurrentplatform/kurrentdb:26.0';

/** Where EventStoreDB tests get a server from, decided once when the test file loads. */
export type EventStoreDbTestTarget =
  | { kind: 'connection-string'; connectionString: string }
  | { kind: 'docker'; image: string; why: string }
  | { kind: 'none'; why: string };

export interface EventStoreDbTestServer {
  connectionString: string;
}

/**
 * EVENTSTORE_CONNECTION_STRING wins; otherwise a Docker engine that answers within a couple of
 * seconds (testcontainers then starts a throwaway insecure node); otherwise nothing, with the reason.
 */
export function findEventStoreDbForTests(env: NodeJS.ProcessEnv = process.env): EventStoreDbTestTarget {
  const connectionString = env.EVENTSTORE_CONNECTION_STRING?.trim();
  if (connectionString) return { kind: 'connection-string', connectionString };
  const image = env.ESDB_TEST_IMAGE?.trim() || DEFAULT_ESDB_TEST_IMAGE;
  const docker = dockerAnswers(env);
  return docker.ok ? { kind: 'docker', image, why: docker.why } : { kind: 'none', why: docker.why };
}

/**
 * A describe block for tests that need an EventStoreDB server. With none reachable the block is
 * declared with describe.skip, so its tests are reported as skipped (never as passed), and the
 * reason is printed.
 */
export function describeWithEventStoreDb(name: string, body: (server: () => EventStoreDbTestServer) => void): void {
  const target = findEventStoreDbForTests();
  if (target.kind === 'none') {
    console.warn(
      `SKIPPED "${name}": no EventStoreDB to test against. EVENTSTORE_CONNECTION_STRING is not set and ${target.why}. ` +
        'Set EVENTSTORE_CONNECTION_STRING=esdb://host:2113?tls=false or start a Docker engine to run these tests.',
    );
    describe.skip(name, () =>
      body(() => {
        throw new Error('no EventStoreDB server');
      }),
    );
    return;
  }

  describe(name, () => {
    let server: EventStoreDbTestServer | null = null;
    let container: StartedTestContainer | null = null;

    beforeAll(async () => {
      if (target.kind === 'connection-string') {
        server = { connectionString: target.connectionString };
        return;
      }
      container = await startContainer(target.image);
      server = { connectionString: `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false` };
    }, 240_000);

    afterAll(async () => {
      await container?.stop();
    }, 60_000);

    body(() => {
      if (!server) throw new Error('EventStoreDB test server did not start');
      return server;
    });
  });
}

async function startContainer(image: string): Promise<StartedTestContainer> {
  // Loaded only here so a run without Docker never pays for (or trips over) testcontainers.
  const { GenericContainer, Wait } = require('testcontainers') as typeof import('testcontainers');
  const settings: Record<string, string> = {
    CLUSTER_SIZE: '1',
    RUN_PROJECTIONS: 'None',
    START_STANDARD_PROJECTIONS: 'false',
    INSECURE: 'true',
    ENABLE_ATOM_PUB_OVER_HTTP: 'true',
  };
  // KurrentDB reads KURRENTDB_*, EventStoreDB reads EVENTSTORE_*: set both so either image works.
  // No MEM_DB (deprecated in KurrentDB): the data lives in the container, removed after the run.
  const environment = Object.fromEntries(
    Object.entries(settings).flatMap(([key, value]) => [
      [`EVENTSTORE_${key}`, value],
      [`KURRENTDB_${key}`, value],
    ]),
  );
  return new GenericContainer(image)
    .withEnvironment(environment)
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCodeMatching((status) => status >= 200 && status < 300))
    .withStartupTimeout(180_000)
    .start();
}

/** Checks synchronously (test files decide skip or run while loading) whether Docker answers /_ping. */
function dockerAnswers(env: NodeJS.ProcessEnv): { ok: boolean; why: string } {
  const host = env.DOCKER_HOST?.trim();
  let target: { socketPath: string } | { host: string; port: number };
  if (host && /^tcp:\/\//.test(host)) {
    const url = new URL(host.replace(/^tcp:/, 'http:'));
    target = { host: url.hostname, port: Number(url.port || 2375) };
    if (env.DOCKER_TLS_VERIFY) return { ok: true, why: `DOCKER_HOST=${host} uses TLS; trusting it without a ping` };
  } else {
    const candidates = host?.startsWith('unix://')
      ? [host.slice('unix://'.length)]
      : [
          '/var/run/docker.sock',
          path.join(os.homedir(), '.docker', 'run', 'docker.sock'),
          ...(env.XDG_RUNTIME_DIR ? [path.join(env.XDG_RUNTIME_DIR, 'docker.sock')] : []),
        ];
    const socketPath = candidates.find((candidate) => fs.existsSync(candidate));
    if (!socketPath) return { ok: false, why: `no Docker engine was found (no socket at ${candidates.join(', ')})` };
    target = { socketPath };
  }
  const script = `
    const req = require('node:http').get({ ...${JSON.stringify(target)}, path: '/_ping', timeout: 1500 }, (res) => process.exit(res.statusCode === 200 ? 0 : 2));
    req.on('error', () => process.exit(1));
    req.on('timeout', () => { req.destroy(); process.exit(3); });
  `;
  const ping = spawnSync(process.execPath, ['-e', script], { timeout: 3000, stdio: 'ignore' });
  const where = JSON.stringify(target);
  if (ping.status === 0) return { ok: true, why: `Docker answers at ${where}` };
  return { ok: false, why: `the Docker engine at ${where} did not answer /_ping (exit ${ping.status ?? ping.signal})` };
}
