import { Worker } from 'node:worker_threads';
import { assertNever } from '@duban/domain';
import type { DeferredSink } from './deferred-database';
import { WRITER_THREAD_SOURCE } from './writer-thread-source';

/**
 * Parts and commits handed over but not yet written before the main thread blocks for the writer:
 * bounds the memory the queue holds (a part is up to 20,000 parameters, see deferred-database.ts).
 */
const MAX_QUEUED = 16;
/** A writer that has not moved for this long while the main thread waits for it is taken as dead. */
const STALL_MS = 120_000;

type FromWriter = { type: 'done'; id: number } | { type: 'closed'; busyMs: number; execMs: number } | { type: 'error'; message: string; stack?: string };

/** What the writer thread spent its time on, known once it closed. */
export interface WriterThreadTimes {
  /** Running statements and SQL (milliseconds). */
  busyMs: number;
  /** Of which SQL run with exec() (index builds). */
  execMs: number;
}

/**
 * A thread that owns the rebuild's new read-model file and runs the statements a DeferredDatabase
 * recorded, in order, a transaction at a time. The main thread folds the events meanwhile: on two
 * cores the SQLite writes (a third of a rebuild's work) stop adding to its time.
 */
export class WriterThread implements DeferredSink {
  private readonly worker: Worker;
  /** [0]: parts and commits the writer has run (it adds to it; shared memory, readable while blocked). */
  private readonly progress = new Int32Array(new SharedArrayBuffer(4));
  private queued = 0;
  private sent = 0;
  private acknowledged = 0;
  private failure: Error | null = null;
  private finished = false;
  private closed = false;
  private wake: (() => void) | null = null;
  private closedTimes: WriterThreadTimes | null = null;
  /** Milliseconds this thread spent blocked because the writer was too far behind. */
  blockedMs = 0;

  /** `pragmas`: run on the file before anything else, e.g. the bulk-load settings. */
  constructor(path: string, pragmas: readonly string[]) {
    this.worker = new Worker(WRITER_THREAD_SOURCE, {
      eval: true,
      workerData: { path, pragmas: [...pragmas], driverPath: require.resolve('better-sqlite3'), progress: this.progress.buffer },
    });
    this.worker.on('message', (message: FromWriter) => this.receive(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (!this.finished) this.fail(new Error(`the read-model writer thread stopped (exit code ${code})`));
    });
  }

  prepare(index: number, sql: string): void {
    this.worker.postMessage({ type: 'prepare', index, sql });
  }

  part(calls: unknown[]): void {
    this.worker.postMessage({ type: 'part', calls });
    this.queue();
  }

  commit(calls: unknown[]): void {
    this.worker.postMessage({ type: 'commit', id: ++this.sent, calls });
    this.queue();
  }

  /** Runs SQL after the transactions sent so far, outside any (e.g. an index over a finished table). */
  exec(sql: string): void {
    this.worker.postMessage({ type: 'exec', sql });
  }

  /**
   * Resolves once at most `pending` committed transactions are still waiting to be written, so
   * the main thread cannot run ahead and queue the whole store in memory. Rejects once the writer failed.
   */
  async settle(pending: number): Promise<void> {
    if (this.failure === null && this.sent - this.acknowledged > pending) {
      const blockedFrom = Date.now();
      while (this.failure === null && this.sent - this.acknowledged > pending) {
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
      this.blockedMs += Date.now() - blockedFrom;
    }
    if (this.failure) throw this.failure;
  }

  /** Null until the thread closed. */
  get times(): WriterThreadTimes | null {
    return this.closedTimes;
  }

  /** Waits until everything sent is written, then closes the file and ends the thread. */
  async close(): Promise<void> {
    await this.settle(0);
    this.worker.postMessage({ type: 'close' });
    while (this.failure === null && !this.closed) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
    await this.worker.terminate();
  }

  /** After a failure elsewhere: stop without writing the rest. */
  async terminate(): Promise<void> {
    this.finished = true;
    await this.worker.terminate();
  }

  /**
   * Counts what was handed over and, with too much queued, blocks this thread until the writer
   * catches up: parts come from inside a synchronous flush, where there is no awaiting.
   */
  private queue(): void {
    this.queued++;
    let seen = Atomics.load(this.progress, 0);
    if (this.queued - seen <= MAX_QUEUED) return;
    const blockedFrom = Date.now();
    let since = blockedFrom;
    while (this.queued - seen > MAX_QUEUED) {
      Atomics.wait(this.progress, 0, seen, 1000);
      const now = Atomics.load(this.progress, 0);
      if (now !== seen) {
        seen = now;
        since = Date.now();
      } else if (Date.now() - since > STALL_MS) {
        throw new Error(`the read-model writer thread wrote nothing for ${STALL_MS / 1000} s`);
      }
    }
    this.blockedMs += Date.now() - blockedFrom;
  }

  private receive(message: FromWriter): void {
    switch (message.type) {
      case 'done':
        this.acknowledged = message.id;
        break;
      case 'closed':
        this.finished = true;
        this.closed = true;
        this.closedTimes = { busyMs: message.busyMs, execMs: message.execMs };
        break;
      case 'error': {
        const error = new Error(`read-model writer thread: ${message.message}`);
        if (message.stack) error.stack = message.stack;
        this.fail(error);
        break;
      }
      default:
        assertNever(message, 'message from the writer thread');
    }
    this.notify();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
