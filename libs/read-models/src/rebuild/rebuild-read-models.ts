import { renameSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { SUGGESTION_STREAM_PREFIX } from '@duban/domain';
import { comparePositions, type EventStore, type Position } from '@duban/event-store';
import { performance } from 'node:perf_hooks';
import { applyOrPark } from '../projection/apply-or-park';
import type { ParkedStream } from '../projection/parked-streams';
import { ProjectionError } from '../projection/projection-error';
import { READ_MODEL_STREAM_PREFIXES, ReadModelProjection, type ProjectionRules } from '../projection/read-model-projection';
import { isTransientFailure } from '../projection/transient-failure';
import { COPY_STAGED_NOTIFICATIONS_SQL, NOTIFICATIONS_STAGING_DDL } from '../projection/notifications/notification-writer';
import { EVENT_LOG_INDEXES_DDL } from '../schema/read-model-schema';
import { BULK_LOAD_PRAGMAS, finishBulkLoad, openReadModelDatabase, reopenBulkLoad, type ReadModelDatabase } from '../schema/open-read-model';
import { removeDatabaseFiles } from '../schema/database-files';
import { DeferredDatabase } from './deferred-database';
import { eventPages } from './event-pages';
import { WriterThread } from './writer-thread';
import { SplitRecorder, timedPages, type RebuildSplit } from './rebuild-split';

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
   * `streams` (the default when the store can scan stream by stream, see EventStore.scanStreams):
   * the other streams first in the global order, then the suggestions one stream after another, so
   * one suggestion's state is in memory at a time and its rows are written as soon as it is folded.
   * `global`: every event in the store's order (any store), states kept per stateCacheSize.
   * The file is the same either way.
   */
  order?: 'streams' | 'global';
  /**
   * Global order only: suggestion states kept folded in memory. Default: all of them (~2 GB RSS at
   * 100k suggestions), so each suggestion's rows are written once at the end and no state is ever
   * read back; a smaller cache writes a state when it leaves and re-reads it at its next event.
   */
  stateCacheSize?: number;
  /**
   * Write the new file on a second thread while this one folds the events. Default: on when the
   * machine has a second core and no row is ever read back (stream order, or global order with every
   * state in memory), the only case it supports. Off: everything on this thread, as the live
   * projector does it. The file is the same either way.
   */
  writerThread?: boolean;
  /** Time every phase and sample the memory: the result then has a split. */
  split?: boolean;
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
  /** With options.split: where the time went (the fast pass's; the isolating pass is not split). */
  split?: RebuildSplit;
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
  const byStream = (options.order ?? 'streams') === 'streams' && store.scanStreams !== undefined;
  // Stream by stream a suggestion's events come together: one state at a time is enough.
  const stateCacheSize = byStream ? 1 : (options.stateCacheSize ?? Infinity);
  const neverReadsBack = byStream || stateCacheSize === Infinity;
  // On one core the thread only adds the cost of handing it the rows.
  const useWriterThread = options.writerThread ?? (neverReadsBack && availableParallelism() > 1);
  if (useWriterThread && !neverReadsBack) {
    throw new Error('rebuildReadModels: the writer thread needs every state kept in memory (stateCacheSize Infinity) or the stream order');
  }
  const split = options.split ? new SplitRecorder(byStream ? 'streams' : 'global') : null;
  let db: ReadModelDatabase | null = null;
  let writer: WriterThread | null = null;
  // SQL outside any transaction, on whichever connection holds the file.
  const runSql = (sql: string): void => {
    if (writer) writer.exec(sql);
    else db!.exec(sql);
  };
  try {
    db = openReadModelDatabase(buildPath, 'bulk').db;
    if (useWriterThread) {
      // The tables exist: from here on the writer thread alone holds the file.
      db.close();
      db = null;
      writer = new WriterThread(buildPath, BULK_LOAD_PRAGMAS);
    }
    // Stream by stream the notifications come in no order of seq: they are appended to a table of a
    // file of their own and copied into the model in seq order at the end (sorted by SQLite).
    const stagingPath = `${buildPath}.notifications`;
    removeDatabaseFiles(stagingPath);
    if (byStream) runSql(STAGING_SETUP_SQL(stagingPath));
    // The projection runs prepare/run/get/transaction only, all of which the deferred stand-in has.
    const target = writer ? (new DeferredDatabase(writer) as unknown as ReadModelDatabase) : db!;
    const projection = new ReadModelProjection(target, {
      stateCacheSize,
      writeBack: true,
      outOfOrder: byStream,
      ...(byStream ? { notificationsTable: STAGED_NOTIFICATIONS } : {}),
      ...(split ? { times: split.phases } : {}),
      ...(options.rulebook ? { rulebook: options.rulebook } : {}),
      ...(options.calendar ? { calendar: options.calendar } : {}),
    });
    const applied = async (): Promise<void> => {
      options.onProgress?.({
        eventsDone: projection.eventsApplied,
        eventsTotal: Math.max(eventsTotal, projection.eventsApplied),
        position: projection.checkpoint,
      });
      if (writer) await writer.settle(writerLag);
    };
    if (byStream) {
      if (head !== null) {
        // Users and units before the suggestions, so a notification can name a unit as it was named then.
        const others = READ_MODEL_STREAM_PREFIXES.filter((p) => p !== SUGGESTION_STREAM_PREFIX);
        for await (const page of timedPages(eventPages(store, { pageSize: batchSize, streamPrefixes: others }), split)) {
          // Events appended since the rebuild began (it may run beside the service) are the service's to apply.
          const upToHead = page.length > 0 && comparePositions(page[page.length - 1]!.position, head) > 0 ? page.filter((e) => comparePositions(e.position, head) <= 0) : page;
          applyOrIsolate(() => projection.applyOutOfOrder(upToHead));
          await applied();
          if (upToHead !== page) break;
        }
        const suggestions = store.scanStreams!({ streamPrefix: SUGGESTION_STREAM_PREFIX, upTo: head, pageSize: batchSize });
        for await (const page of timedPages(suggestions, split)) {
          applyOrIsolate(() => projection.applyOutOfOrder(page));
          await applied();
        }
      }
    } else {
      // The embedded store reads the next pages on a thread of its own while this one applies a page.
      const pages = eventPages(store, { pageSize: batchSize, streamPrefixes: [...READ_MODEL_STREAM_PREFIXES] });
      for await (const page of timedPages(pages, split)) {
        applyOrIsolate(() => projection.applyBatch(page));
        await applied();
      }
    }
    // Every event is applied: the notifications are complete, and their index is built on the
    // writer thread while this one works out the suggestions' rows.
    if (byStream) runSql(`${COPY_STAGED_NOTIFICATIONS_SQL(STAGED_NOTIFICATIONS)}; DETACH DATABASE staging;`);
    if (writer) writer.exec(EVENT_LOG_INDEXES_DDL);
    // Every suggestion's rows are worked out here: a row the projection cannot write fails now.
    applyOrIsolate(() => projection.flush());
    const eventLogIndexed = writer !== null;
    if (writer) {
      const waitFrom = performance.now();
      await writer.close();
      if (split) {
        const times = writer.times;
        split.writerWaitMs += writer.blockedMs + (performance.now() - waitFrom);
        if (times) {
          split.writerThreadMs = times.busyMs - times.execMs;
          split.indexMs += times.execMs;
        }
      }
      writer = null;
      db = reopenBulkLoad(buildPath);
    }
    const indexFrom = performance.now();
    finishBulkLoad(db!, { eventLogIndexed });
    db!.close();
    db = null;
    // A WAL left by the old file would be replayed into the new one: it must go first.
    removeDatabaseFiles(readModelPath, { keepMain: true });
    renameSync(buildPath, readModelPath);
    removeDatabaseFiles(stagingPath);
    if (split) split.indexMs += performance.now() - indexFrom;
    return finished(projection, options, started, 0, [], split?.finish());
  } catch (error) {
    if (writer) await writer.terminate();
    if (db?.open) db.close();
    removeDatabaseFiles(buildPath);
    removeDatabaseFiles(`${buildPath}.notifications`);
    throw error;
  }
}

const STAGED_NOTIFICATIONS = 'staging.notifications';

/**
 * The staging file: no journal, no syncs (thrown away whatever happens). The sort at the end may
 * spill to temporary files rather than hold every notification in memory, and uses a second thread.
 */
const STAGING_SETUP_SQL = (path: string): string => `
  ATTACH DATABASE '${path.replace(/'/g, "''")}' AS staging;
  PRAGMA staging.journal_mode = OFF;
  PRAGMA staging.synchronous = OFF;
  PRAGMA temp_store = FILE;
  PRAGMA threads = 2;
  ${NOTIFICATIONS_STAGING_DDL(STAGED_NOTIFICATIONS)};`;

/** Runs a step of the fast pass; a failure of the projection itself sends the rebuild to the isolating pass. */
function applyOrIsolate(step: () => void): void {
  try {
    step();
  } catch (error) {
    throw needsIsolation(error);
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
  split?: RebuildSplit,
): RebuildResult {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const events = projection.eventsApplied;
  options.onProgress?.({ eventsDone: events, eventsTotal: events, position: projection.checkpoint });
  return {
    events,
    seconds,
    eventsPerSecond: seconds > 0 ? events / seconds : events,
    checkpoint: projection.checkpoint,
    parkedCount,
    parked,
    ...(split ? { split } : {}),
  };
}

/**
 * The embedded store numbers its global order 1, 2, 3… (commit = prepare), so the head position
 * is the event count. EventStoreDB positions are byte offsets: there it is only an upper bound.
 */
function estimateEventCount(head: Position): number {
  return Number(head.commit);
}
