import { performance } from 'node:perf_hooks';
import { emptyPhaseTimes, type PhaseTimes } from '../projection/phase-times';

/**
 * Where a rebuild's time went, in milliseconds of each thread, and its peak memory. The main
 * thread's phases add up to about its wall time; the reader and writer threads run beside it.
 */
export interface RebuildSplit {
  /** `streams`: the suggestions folded stream by stream (bounded memory); `global`: in the store's order. */
  order: 'streams' | 'global';
  /** Main thread waiting for the next page of events (the read-ahead thread reads them meanwhile). */
  readWaitMs: number;
  /** Main thread parsing the events' JSON (null when the store does not say). */
  parseMs: number | null;
  /** The read-ahead thread reading pages: SQLite and decoding the texts (null without one). */
  readerThreadMs: number | null;
  /** Upcasting and folding the suggestion events' own effects. */
  foldMs: number;
  /** The deadline bookkeeping the fold composes after each event (withTrackedDeadlines). */
  deadlinesMs: number;
  /** Notifications and routing evidence worked out per event. */
  viewsMs: number;
  /** Suggestions' rows, facts and statistics worked out and handed over, once per suggestion. */
  rowsMs: number;
  /** Main thread blocked because the writer thread was behind. */
  writerWaitMs: number;
  /** The writer thread running the SQLite writes (null: written on the main thread, inside the phases above). */
  writerThreadMs: number | null;
  /** Building the indexes at the end, and switching the file to WAL. */
  indexMs: number;
  /** Everything else on the main thread: other streams, transactions, the final flush's bookkeeping. */
  otherMs: number;
  totalMs: number;
  /** Highest resident set size and V8 heap in use seen during the rebuild (sampled after every page). */
  peakRssBytes: number;
  peakHeapBytes: number;
}

/** Collects a RebuildSplit as the rebuild runs. */
export class SplitRecorder {
  readonly phases: PhaseTimes = emptyPhaseTimes();
  readWaitMs = 0;
  parseMs: number | null = null;
  readerThreadMs: number | null = null;
  writerWaitMs = 0;
  writerThreadMs: number | null = null;
  indexMs = 0;
  private peakRss = 0;
  private peakHeap = 0;
  private readonly started = performance.now();

  constructor(readonly order: 'streams' | 'global') {
    this.sampleMemory();
  }

  sampleMemory(): void {
    const { rss, heapUsed } = process.memoryUsage();
    if (rss > this.peakRss) this.peakRss = rss;
    if (heapUsed > this.peakHeap) this.peakHeap = heapUsed;
  }

  /** Adds a scan's parse and reader-thread times (a store's scan may report them, see ReadAheadScan.timings). */
  addScanTimings(scan: unknown): void {
    const timings = (scan as { timings?: { parseMs: number; readerMs: number } }).timings;
    if (!timings) return;
    this.parseMs = (this.parseMs ?? 0) + timings.parseMs;
    this.readerThreadMs = (this.readerThreadMs ?? 0) + timings.readerMs;
  }

  finish(): RebuildSplit {
    this.sampleMemory();
    const totalMs = performance.now() - this.started;
    const { fold, deadlines, views, rows } = this.phases;
    // The wait for a page includes its parsing (the scan parses before it hands the page over).
    const readWaitMs = Math.max(0, this.readWaitMs - (this.parseMs ?? 0));
    const accounted = this.readWaitMs + fold + deadlines + views + rows + this.writerWaitMs + this.indexMs;
    return {
      order: this.order,
      readWaitMs,
      parseMs: this.parseMs,
      readerThreadMs: this.readerThreadMs,
      foldMs: fold,
      deadlinesMs: deadlines,
      viewsMs: views,
      rowsMs: rows,
      writerWaitMs: this.writerWaitMs,
      writerThreadMs: this.writerThreadMs,
      indexMs: this.indexMs,
      otherMs: Math.max(0, totalMs - accounted),
      totalMs,
      peakRssBytes: this.peakRss,
      peakHeapBytes: this.peakHeap,
    };
  }
}

/**
 * The pages of `pages`, with the time spent waiting for each added to `recorder` (and the scan's own
 * timings once it ends). Stopping early stops the scan.
 */
export async function* timedPages<T>(pages: AsyncIterable<T>, recorder: SplitRecorder | null): AsyncGenerator<T> {
  if (recorder === null) {
    yield* pages;
    return;
  }
  const iterator = pages[Symbol.asyncIterator]();
  let done = false;
  try {
    for (;;) {
      const t0 = performance.now();
      const next = await iterator.next();
      recorder.readWaitMs += performance.now() - t0;
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
      recorder.sampleMemory();
    }
  } finally {
    if (!done) await iterator.return?.();
    recorder.addScanTimings(pages);
  }
}
