import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { BUILT_MAIN, REPO_ROOT } from './built-server';

/**
 * The first port a listener on port 0 may be given (Linux's default ephemeral range starts here).
 * The crash server keeps its port across restarts, and other test files run beside this one in
 * parallel workers, listening on port 0: a port below this range is never handed to them while
 * the crash server is down, so a restart cannot find its port taken (or answer someone else's health).
 */
function ephemeralStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free TCP port on 127.0.0.1 outside the ephemeral range, kept for every restart of the server. */
export async function freePort(): Promise<number> {
  const high = ephemeralStart() - 1;
  const low = Math.max(1024, high - 12_000);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${low} and ${high}`);
}

/**
 * The built service as a child process: started, waited for until /api/health answers 200,
 * killed without warning (SIGKILL) or stopped cleanly (SIGTERM). Its output goes to `logFile`.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  readonly baseUrl: string;

  constructor(
    private readonly env: Record<string, string>,
    readonly port: number,
    private readonly logFile: string,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    if (this.child) throw new Error('server already running');
    const fd = openSync(this.logFile, 'a');
    const child = spawn(process.execPath, [BUILT_MAIN], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        this.child = null;
        throw new Error(`server exited during start (code ${child.exitCode}, signal ${child.signalCode}); see ${this.logFile}`);
      }
      try {
        const response = await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`server did not become healthy in ${timeoutMs} ms; see ${this.logFile}`);
      await sleep(50);
    }
  }

  /** No shutdown hooks, no flush: the process is gone mid-whatever it was doing. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGKILL');
    await this.exited;
    this.child = null;
  }

  /** SIGTERM: the service closes the projector and the store, then exits. */
  async stop(timeoutMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
    this.child = null;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
