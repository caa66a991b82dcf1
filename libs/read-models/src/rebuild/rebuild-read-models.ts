import { existsSync, renameSync, rmSync } from 'node:fs';
import type { EventStore, Position } from '@duban/event-store';
import { READ_MODEL_STREAM_PREFIXES, ReadModelProjection, type ProjectionRules } from '../projection/read-model-projection';
import { finishBulkLoad, openReadModelDatabase, type ReadModelDatabase } from '../schema/open-read-model';

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
  /** Events read and applied per batch. Default 5000. */
  batchSize?: number;
  /**
   * Suggestion states kept folded in memory. Default: all of them (~2 GB RSS at 100k suggestions),
   * so each suggestion's rows are written once at the end and no state is ever read back; a smaller
   * cache writes a state when it leaves and re-reads it at its next event.
   */
  stateCacheSize?: number;
}

export interface RebuildResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  checkpoint: Position | null;
}

/**
 * Rebuilds every read model from the events into a new file and only then puts it in place of
 * the old one, so a rebuild that fails (or is interrupted) leaves the old model as it was.
 * The service must not run meanwhile: it would keep the old file open and write to it.
 */
export async function rebuildReadModels(
  store: EventStore,
  readModelPath: string,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const started = process.hrtime.bigint();
  const batchSize = options.batchSize ?? 5000;
  const buildPath = `${readModelPath}.rebuilding`;
  removeDatabaseFiles(buildPath);
  const head = await store.headPosition();
  const eventsTotal = head ? estimateEventCount(head) : 0;
  let db: ReadModelDatabase | null = null;
  try {
    db = openReadModelDatabase(buildPath, 'bulk').db;
    const projection = new ReadModelProjection(db, {
      stateCacheSize: options.stateCacheSize ?? Infinity,
      writeBack: true,
      ...(options.rulebook ? { rulebook: options.rulebook } : {}),
      ...(options.calendar ? { calendar: options.calendar } : {}),
    });
    for (;;) {
      const page = await store.readAll({
        after: projection.checkpoint ?? undefined,
        maxCount: batchSize,
        streamPrefixes: [...READ_MODEL_STREAM_PREFIXES],
      });
      projection.applyBatch(page);
      options.onProgress?.({
        eventsDone: projection.eventsApplied,
        eventsTotal: Math.max(eventsTotal, projection.eventsApplied),
        position: projection.checkpoint,
      });
      if (page.length < batchSize) break;
    }
    projection.flush();
    finishBulkLoad(db);
    db.close();
    db = null;
    // A WAL left by the old file would be replayed into the new one: it must go first.
    removeDatabaseFiles(readModelPath, { keepMain: true });
    renameSync(buildPath, readModelPath);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const events = projection.eventsApplied;
    options.onProgress?.({ eventsDone: events, eventsTotal: events, position: projection.checkpoint });
    return { events, seconds, eventsPerSecond: seconds > 0 ? events / seconds : events, checkpoint: projection.checkpoint };
  } catch (error) {
    if (db?.open) db.close();
    removeDatabaseFiles(buildPath);
    throw error;
  }
}

/**
 * The embedded store numbers its global order 1, 2, 3… (commit = prepare), so the head position
 * is the event count. EventStoreDB positions are byte offsets: there it is only an upper bound.
 */
function estimateEventCount(head: Position): number {
  return Number(head.commit);
}

function removeDatabaseFiles(path: string, options: { keepMain?: boolean } = {}): void {
  const suffixes = options.keepMain ? ['-wal', '-shm', '-journal'] : ['', '-wal', '-shm', '-journal'];
  for (const suffix of suffixes) if (existsSync(path + suffix)) rmSync(path + suffix);
}
