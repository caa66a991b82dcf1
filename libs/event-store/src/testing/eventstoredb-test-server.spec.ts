import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { findEventStoreDbForTests, DEFAULT_ESDB_TEST_IMAGE } from './eventstoredb-test-server';
import { makeTempDir } from './temp-dir';

/**
 * The switch that decides whether EventStoreDB tests run or are reported as skipped. A wrong
 * answer either hides the suite or hangs the run, so it is checked against real sockets.
 * The stand-in Docker engine runs in another process: the check blocks this one while it pings.
 */
describe('finding an EventStoreDB for tests', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let engine: ChildProcess | null = null;
  beforeEach(() => (temp = makeTempDir('docker')));
  afterEach(() => {
    engine?.kill();
    engine = null;
    temp.remove();
  });

  async function fakeEngine(socketPath: string, answers: boolean): Promise<void> {
    const script = `
      const server = require('node:http').createServer((req, res) => {
        if (${answers} && req.url === '/_ping') { res.end('OK'); }
      });
      server.listen(${JSON.stringify(socketPath)}, () => process.stdout.write('ready\\n'));
    `;
    engine = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => engine!.stdout!.once('data', () => resolve()));
  }

  it('uses EVENTSTORE_CONNECTION_STRING when it is set', () => {
    expect(findEventStoreDbForTests({ EVENTSTORE_CONNECTION_STRING: 'esdb://db:2113?tls=false' })).toEqual({
      kind: 'connection-string',
      connectionString: 'esdb://db:2113?tls=false',
    });
  });

  it('reports why when there is no Docker socket', () => {
    const missing = path.join(temp.dir, 'docker.sock');
    const target = findEventStoreDbForTests({ DOCKER_HOST: `unix://${missing}` });
    expect(target.kind).toBe('none');
    expect(target.kind === 'none' && target.why).toContain(missing);
  });

  it('starts a container when a Docker engine answers /_ping', async () => {
    const socket = path.join(temp.dir, 'docker.sock');
    await fakeEngine(socket, true);
    expect(findEventStoreDbForTests({ DOCKER_HOST: `unix://${socket}` })).toMatchObject({ kind: 'docker', image: DEFAULT_ESDB_TEST_IMAGE });
  });

  it('gives up within seconds on a Docker socket that never answers', async () => {
    const socket = path.join(temp.dir, 'docker.sock');
    await fakeEngine(socket, false);
    const started = Date.now();
    const target = findEventStoreDbForTests({ DOCKER_HOST: `unix://${socket}` });
    expect(target.kind).toBe('none');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
