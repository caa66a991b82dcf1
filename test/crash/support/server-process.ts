import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { BUILT_MAIN, REPO_ROOT } from './built-server';

/** A free TCP port on 127.0.0.1, kept for every restart of the server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
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
