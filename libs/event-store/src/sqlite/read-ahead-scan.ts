import { performance } from 'node:perf_hooks';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { assertNever, type EventMetadata } from '@duban/domain';
import type { RecordedEvent } from '../port/event-store.port';
import { READ_AHEAD_SOURCE } from './read-ahead-source';

export interface ReadAheadOptions {
  /** The store's file (not `:memory:`: another connection could not see it). */
  path: string;
  busyTimeoutMs: number;
  /** Exclusive. */
  after: bigint;
  pageSize: number;
  streamPrefixes?: readonly string[];
  /** Pages read before the caller has taken them. */
  ahead: number;
  /** Instead of the global order: the streams with this prefix, stream by stream, events up to `upTo` (see read-ahead-source.ts). */
  streams?: { prefix: string; upTo: bigint };
}

type Page = {
  positions: BigInt64Array;
  revisions: BigInt64Array;
  streamIds: string[];
  types: string[];
  data: string[];
  metadata: string[];
};
type FromReader = { type: 'page'; busyMs: number } | { type: 'end' } | { type: 'error'; message: string; stack?: string };

/**
 * A sequential scan of the events after a position, in pages, read by a thread of its own with
 * its own read-only connection: the next pages are read (SQLite stepping and the UTF-8 of the
 * Chinese texts decoded into strings) while the caller works on the current one. The caller's
 * thread only parses the JSON.
 *
 * The thread ends when the scan reaches the end, fails, or the caller stops iterating (break,
 * throw) or calls stop().
 */
export class ReadAheadScan implements AsyncIterable<RecordedEvent[]> {
  private readonly worker: Worker;
  /** Where the pages wait, serialised, until taken (see read-ahead-source.ts). */
  private readonly pagePort: MessagePort;
  private ended = false;
  private readError: Error | null = null;
  private failure: Error | null = null;
  private exited = false;
  private stopped = false;
  private wake: (() => void) | null = null;
  private started = false;
  private parseMs = 0;
  private readerMs = 0;

  constructor(
    options: ReadAheadOptions,
    private readonly onEnd: () => void = () => undefined,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.pagePort = port1;
    this.worker = new Worker(READ_AHEAD_SOURCE, {
      eval: true,
      transferList: [port2],
      workerData: {
        pages: port2,
        driverPath: require.resolve('better-sqlite3'),
        path: options.path,
        busyTimeoutMs: Math.max(0, Math.floor(options.busyTimeoutMs)),
        after: options.after.toString(),
        pageSize: options.pageSize,
        prefixes: options.streamPrefixes === undefined ? null : JSON.stringify(options.streamPrefixes),
        ahead: Math.max(1, options.ahead),
        streams: options.streams ? { prefix: options.streams.prefix, upTo: options.streams.upTo.toString() } : null,
      },
    });
    this.worker.on('message', (message: FromReader) => this.receive(message));
    this.worker.on('error', (error) => {
      this.failure ??= error;
      this.notify();
    });
    this.worker.on('exit', () => {
      this.exited = true;
      this.notify();
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent[]> {
    if (this.started) throw new Error('a scan can be iterated only once');
    this.started = true;
    return this.pages();
  }

  /**
   * Milliseconds spent so far parsing the pages' JSON on the caller's thread, and reading them
   * on the scan's own thread (SQLite and the strings' decoding): a rebuild reports them in its split.
   */
  get timings(): { parseMs: number; readerMs: number } {
    return { parseMs: this.parseMs, readerMs: this.readerMs };
  }

  /** False once the thread has ended (end of the scan, failure, or stop). */
  get threadRunning(): boolean {
    return !this.exited;
  }

  /** Ends the thread without reading further; an iteration in progress then ends. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.notify();
    // The connection is read-only: ending the thread mid-read loses nothing.
    await this.worker.terminate();
    this.pagePort.close();
    this.exited = true;
    this.onEnd();
  }

  private async *pages(): AsyncGenerator<RecordedEvent[]> {
    try {
      for (;;) {
        const page = await this.next();
        if (page === null) return;
        // Ask for the next page before working on this one: the thread reads it meanwhile.
        this.worker.postMessage({ type: 'more' });
        const t0 = performance.now();
        const events = decode(page);
        this.parseMs += performance.now() - t0;
        yield events;
      }
    } finally {
      await this.stop();
    }
  }

  /** The next page; null at the end of the scan or once stopped. */
  private async next(): Promise<Page | null> {
    for (;;) {
      if (this.stopped) return null;
      const received = receiveMessageOnPort(this.pagePort);
      if (received) return received.message as Page;
      // Pages are sent before the message that says the scan ended or failed: none is left behind.
      if (this.readError) throw this.readError;
      if (this.ended) return null;
      if (this.failure) throw this.failure;
      if (this.exited) throw new Error('event store read-ahead: the thread stopped before the end of the scan');
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private receive(message: FromReader): void {
    switch (message.type) {
      case 'page':
        this.readerMs = message.busyMs;
        break;
      case 'end':
        this.ended = true;
        break;
      case 'error': {
        const error = new Error(`event store read-ahead: ${message.message}`);
        if (message.stack) error.stack = message.stack;
        this.readError ??= error;
        break;
      }
      default:
        assertNever(message, 'message from the read-ahead thread');
    }
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

function decode(page: Page): RecordedEvent[] {
  const { positions, revisions, streamIds, types, data, metadata } = page;
  const events = new Array<RecordedEvent>(positions.length);
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i]!;
    events[i] = {
      streamId: streamIds[i]!,
      revision: revisions[i]!,
      position: { commit: position, prepare: position },
      type: types[i]!,
      data: JSON.parse(data[i]!) as unknown,
      metadata: JSON.parse(metadata[i]!) as EventMetadata,
    };
  }
  return events;
}
