import { renameSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { EventStore, Position } from '@duban/event-store';
import { applyOrPark } from '../projection/apply-or-park';
import type { ParkedStream } from '../projection/parked-streams';
import { ProjectionError } from '../projection/projection-error';
import { READ_MODEL_STREAM_PREFIXES, ReadModelProjection, type ProjectionRules } from '../projection/read-model-projection';
import { isTransientFailure } from '../projection/transient-failure';
import { EVENT_LOG_INDEXES_DDL } from '../schema/read-model-schema';
import { BULK_LOAD_PRAGMAS, finishBulkLoad, openReadModelDatabase, reopenBulkLoad, type ReadModelDatabase } from '../schema/open-read-model';
import { removeDatabaseFiles } from '../schema/database-files';
import { DeferredDatabase } from './deferred-database';
import { eventPages } from './event-pages';
import { WriterThread } from './writer-thread';

export interface RebuildProgress {
  /** Events applied so far. */
  eventsDone: number;
  /** Estimate of all events to apply, from the store's head position when the rebuild began. */
  eventsTotal: number;
  position: Position | null;
}

/** `rulebook` and `calendar`: the service's own, so wake-ups are placed as the live projector places them. */
export interface RebuildOptions extends ProjectionRules {
  /** Called after every batch and once at the end. */
  onProgress?: (progress: RebuildProgress) => void;
  /**
   * Events read and applied per batch. Default 1000: a batch's events are alive while it is
   * applied, and smaller batches leave the young-generation GC fewer of them to copy (measured at
   * 10k suggestions: a fifth less GC work than 5000, the same fold time).
   */
  batchSize?: number;
  /**
   * Suggestion states kept folded in memory. Default: all of them (~2 GB RSS at 100k suggestions),
   * so each suggestion's rows are written once at the end and no state is ever read back; a smaller
   * cache writes a state when it leaves and re-reads it at its next event.
   */
  stateCacheSize?: number;
  /**
   * Write the new file on a second thread while this one folds the events. Default: on when the
   * machine has a second core and every state stays in memory (the default cache), the only case it
   * supports: the projection then never reads a row back. Off: everything on this thread, as the
   * live projector does it. The file is the same either way.
   */
  writerThread?: boolean;
  /**
   * Told when the fast pass met an event the projection rejects and the rebuild starts again,
   * one transaction per batch, parking such events as the live projector does.
   */
  onIsolating?: (cause: Error) => void;
}

/** Parked streams listed in the result; the total is in parkedCount. */
export const REBUILD_PARKED_LIMIT = 100;

/** Events the fold may be ahead of the writer thread, in whole batches (at least 4): bounds the memory they hold. */
const WRITER_LAG_EVENTS = 20_000;

export interface RebuildResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  checkpoint: Position | null;
  /** Streams held back because an event of theirs could not be applied (see parked_events). */
  parkedCount: number;
  /** The first REBUILD_PARKED_LIMIT of them. */
  parked: ParkedStream[];
}

/** The fast pass cannot park: it met an event the projection rejects (not a transient failure). */
class NeedsIsolation extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}

/**
 * Rebuilds every read model from the events into a new file and only then puts it in place of
 * the old one, so a rebuild that fails (or is interrupted) leaves the old model as it was.
 * The service must not run meanwhile: it would keep the old file open and write to it.
 *
 * An event the projection rejects does not fail it: the fast pass (suggestion rows written once at
 * the end, maybe on a second thread) cannot tell which event that was, so the rebuild starts again
 * in a pass that commits batch by batch and parks such events as the live projector does (see
 * parked_events); the result lists the parked streams. Only a transient failure (disk full, I/O)
 * or a failure outside the projection fails the rebuild.
 */
export async function rebuildReadModels(
  store: EventStore,
  readModelPath: string,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const started = process.hrtime.bigint();
  try {
    return await fastRebuild(store, readModelPath, options, started);
  } catch (error) {
    if (!(error instanceof NeedsIsolation)) throw error;
    options.onIsolating?.(error.cause);
    return isolatingRebuild(store, readModelPath, options, started);
  }
}

async function fastRebuild(store: EventStore, readModelPath: string, options: RebuildOptions, started: bigint): Promise<RebuildResult> {
  const batchSize = options.batchSize ?? 1000;
  const writerLag = Math.max(4, Math.ceil(WRITER_LAG_EVENTS / batchSize));
  const buildPath = `${readModelPath}.rebuilding`;
  removeDatabaseFiles(buildPath);
  const head = await store.headPosition();
  const eventsTotal = head ? estimateEventCount(head) : 0;
  const stateCacheSize = options.stateCacheSize ?? Infinity;
  // On one core the thread only adds the cost of handing it the rows.
  const useWriterThread = options.writerThread ?? (stateCacheSize === Infinity && availableParallelism() > 1);
  if (useWriterThread && stateCacheSize !== Infinity) {
    throw new Error('rebuildReadModels: the writer thread needs every state kept in memory (stateCacheSize Infinity)');
  }
  let db: ReadModelDatabase | null = null;
  let writer: WriterThread | null = null;
  try {
    db = openReadModelDatabase(buildPath, 'bulk').db;
    if (useWriterThread) {
      // The tables exist: from here on the writer thread alone holds the file.
      db.close();
      db = null;
      writer = new WriterThread(buildPath, BULK_LOAD_PRAGMAS);
    }
    // The projection runs prepare/run/get/transaction only, all of which the deferred stand-in has.
    const target = writer ? (new DeferredDatabase(writer) as unknown as ReadModelDatabase) : db!;
    const projection = new ReadModelProjection(target, {
      stateCacheSize,
      writeBack: true,
      ...(options.rulebook ? { rulebook: options.rulebook } : {}),
      ...(options.calendar ? { calendar: options.calendar } : {}),
    });
    // The embedded store reads the next pages on a thread of its own while this one applies a page.
    const pages = eventPages(store, { pageSize: batchSize, streamPrefixes: [...READ_MODEL_STREAM_PREFIXES] });
    for await (const page of pages) {
      try {
        projection.applyBatch(page);
      } catch (error) {
        throw needsIsolation(error);
      }
      options.onProgress?.({
        eventsDone: projection.eventsApplied,
        eventsTotal: Math.max(eventsTotal, projection.eventsApplied),
        position: projection.checkpoint,
      });
      if (writer) await writer.settle(writerLag);
    }
    // Every event is applied: the notifications are complete, and their index is built on the
    // writer thread while this one works out the suggestions' rows.
    if (writer) writer.exec(EVENT_LOG_INDEXES_DDL);
    try {
      // Every suggestion's rows are worked out here: a row the projection cannot write fails now.
      projection.flush();
    } catch (error) {
      throw needsIsolation(error);
    }
    const eventLogIndexed = writer !== null;
    if (writer) {
      await writer.close();
      writer = null;
      db = reopenBulkLoad(buildPath);
    }
    finishBulkLoad(db!, { eventLogIndexed });
    db!.close();
    db = null;
    // A WAL left by the old file would be replayed into the new one: it must go first.
    removeDatabaseFiles(readModelPath, { keepMain: true });
    renameSync(buildPath, readModelPath);
    return finished(projection, options, started, 0, []);
  } catch (error) {
    if (writer) await writer.terminate();
    if (db?.open) db.close();
    removeDatabaseFiles(buildPath);
    throw error;
  }
}

/**
 * Applies batch by batch, each committed with its checkpoint (a rollback journal in memory, so a
 * failed batch is undone), parking each event the projection rejects: the live projector's way,
 * with the same result for the same events.
 */
async function isolatingRebuild(store: EventStore, readModelPath: string, options: RebuildOptions, started: bigint): Promise<RebuildResult> {
  const batchSize = options.batchSize ?? 1000;
  const buildPath = `${readModelPath}.rebuilding`;
  removeDatabaseFiles(buildPath);
  const head = await store.headPosition();
  const eventsTotal = head ? estimateEventCount(head) : 0;
  let db: ReadModelDatabase | null = null;
  try {
    db = openReadModelDatabase(buildPath, 'bulk').db;
    db.pragma('journal_mode = MEMORY');
    const projection = new ReadModelProjection(db, {
      stateCacheSize: options.stateCacheSize ?? Infinity,
      writeBack: false,
      parking: true,
      ...(options.rulebook ? { rulebook: options.rulebook } : {}),
      ...(options.calendar ? { calendar: options.calendar } : {}),
    });
    const pages = eventPages(store, { pageSize: batchSize, streamPrefixes: [...READ_MODEL_STREAM_PREFIXES] });
    for await (const page of pages) {
      const outcome = applyOrPark(projection, page, false);
      if (outcome.transient) throw outcome.transient;
      options.onProgress?.({
        eventsDone: projection.eventsApplied,
        eventsTotal: Math.max(eventsTotal, projection.eventsApplied),
        position: projection.checkpoint,
      });
    }
    const parkedCount = projection.parkedCount;
    const parked = projection.parkedStreams(REBUILD_PARKED_LIMIT);
    finishBulkLoad(db);
    db.close();
    db = null;
    removeDatabaseFiles(readModelPath, { keepMain: true });
    renameSync(buildPath, readModelPath);
    return finished(projection, options, started, parkedCount, parked);
  } catch (error) {
    if (db?.open) db.close();
    removeDatabaseFiles(buildPath);
    throw error;
  }
}

function needsIsolation(error: unknown): Error {
  if (!(error instanceof Error) || isTransientFailure(error)) return error instanceof Error ? error : new Error(String(error));
  // A failure of the projection itself: a fold (ProjectionError) or a suggestion's rows at the flush.
  const fromProjection = error instanceof ProjectionError || /^writing suggestion /.test(error.message);
  return fromProjection ? new NeedsIsolation(error) : error;
}

function finished(
  projection: ReadModelProjection,
  options: RebuildOptions,
  started: bigint,
  parkedCount: number,
  parked: ParkedStream[],
): RebuildResult {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const events = projection.eventsApplied;
  options.onProgress?.({ eventsDone: events, eventsTotal: events, position: projection.checkpoint });
  return { events, seconds, eventsPerSecond: seconds > 0 ? events / seconds : events, checkpoint: projection.checkpoint, parkedCount, parked };
}

/**
 * The embedded store numbers its global order 1, 2, 3… (commit = prepare), so the head position
 * is the event count. EventStoreDB positions are byte offsets: there it is only an upper bound.
 */
function estimateEventCount(head: Position): number {
  return Number(head.commit);
}
