import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { nowMs } from './measure';

/** A free TCP port on localhost, picked by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerOptions {
  name: string;
  script: string;
  env: Record<string, string>;
  port: number;
  /** Path answering 200 once the server is ready to serve. */
  readyPath: string;
  readyTimeoutMs?: number;
}

/**
 * A server under test in its own process, as in production: the bench's own work (autocannon,
 * bookkeeping) must not share its event loop. Output is kept for the report if it fails.
 */
export class ChildServer {
  readonly baseUrl: string;
  private readonly child: ChildProcess;
  private readonly output: string[] = [];
  private readonly startedAt = nowMs();
  private exited: Promise<number | null>;

  private constructor(private readonly options: ServerOptions) {
    this.baseUrl = `http://127.0.0.1:${options.port}`;
    if (!fs.existsSync(options.script)) throw new Error(`${options.name}: ${options.script} does not exist (run the build first)`);
    this.child = spawn(process.execPath, [options.script], {
      env: { ...process.env, ...options.env, PORT: String(options.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer): void => {
      this.output.push(chunk.toString('utf8'));
      if (this.output.length > 200) this.output.shift();
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** Spawns the server and resolves once readyPath answers 200, with the time that took. */
  static async start(options: ServerOptions): Promise<{ server: ChildServer; readyMs: number }> {
    const server = new ChildServer(options);
    try {
      const readyMs = await server.waitReady(options.readyTimeoutMs ?? 60_000);
      return { server, readyMs };
    } catch (error) {
      await server.stop();
      throw error;
    }
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Resident set size of the server process, in MiB (Linux /proc). */
  rssMiB(): number {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  }

  /** The last lines the server printed, for error reports. */
  recentOutput(lines = 20): string {
    return this.output.join('').split('\n').slice(-lines).join('\n');
  }

  private async waitReady(timeoutMs: number): Promise<number> {
    const deadline = nowMs() + timeoutMs;
    let exitCode: number | null | undefined;
    void this.exited.then((code) => (exitCode = code));
    while (nowMs() < deadline) {
      if (exitCode !== undefined) {
        throw new Error(`${this.options.name} exited with ${exitCode} before it was ready:\n${this.recentOutput()}`);
      }
      try {
        const res = await fetch(this.baseUrl + this.options.readyPath);
        await res.arrayBuffer();
        if (res.status === 200) return nowMs() - this.startedAt;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${this.options.name} was not ready within ${timeoutMs} ms:\n${this.recentOutput()}`);
  }

  /** SIGTERM (the api closes its store cleanly), SIGKILL if it does not exit within 10 s. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
