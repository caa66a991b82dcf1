import type { LoggerService } from '@nestjs/common';
import { getHeapStatistics } from 'node:v8';
import type { Rulebook, WorkingCalendar } from '@duban/domain';
import type { EventStore } from '@duban/event-store';
import { isCurrentReadModel, rebuildReadModels, type RebuildResult } from '@duban/read-models';
import { collectGarbageNow } from './collect-garbage';

/** How often a long rebuild says how far it got. */
const PROGRESS_EVERY_MS = 5_000;

/**
 * Heap a folded suggestion holds during a rebuild that keeps every state (100k suggestions peaked
 * at ~1.8 GB), and the events a suggestion has on average (~10 over its lifecycle). Used only to
 * decide whether every state fits: a service on a small heap must not die in its own start-up.
 */
const STATE_BYTES = 18_000;
const EVENTS_PER_SUGGESTION = 10;

export interface OutdatedReadModelOptions {
  rules: { rulebook: Rulebook; calendar: WorkingCalendar };
  logger: LoggerService;
  /** The store's head position is its event count (the embedded store; EventStoreDB's is a byte offset). */
  headCountsEvents: boolean;
}

/**
 * Before the service opens its read model: when the file is missing or of another schema version
 * (an upgrade that changed the tables, a lost file) and the store holds events, rebuilds it in bulk
 * first. Left to the projector, the same replay runs batch by batch while the service already
 * answers with half-filled lists. Measured on the 10k-suggestion bench data set (97k events): the
 * api answered after 8.4 s with every list complete (6.5 s of rebuild), against 52 s of live replay
 * before its lists were whole. Returns null when nothing had to be done.
 */
export async function rebuildOutdatedReadModel(
  store: EventStore,
  readModelPath: string,
  { rules, logger, headCountsEvents }: OutdatedReadModelOptions,
): Promise<RebuildResult | null> {
  if (isCurrentReadModel(readModelPath)) return null;
  const head = await store.headPosition();
  // An empty store (a first start): the projector creates the file as events come.
  if (head === null) return null;
  logger.log(`read model at ${readModelPath} is missing or of another schema version: rebuilding it from the events before serving`);
  const stateCacheSize = stateCacheFor(headCountsEvents ? Number(head.commit) : null, getHeapStatistics().heap_size_limit);
  if (stateCacheSize !== undefined) logger.log(`rebuilding with at most ${stateCacheSize} folded suggestions in memory (heap limit)`);
  let lastReport = Date.now();
  const result = await rebuildReadModels(store, readModelPath, {
    ...rules,
    ...(stateCacheSize !== undefined ? { stateCacheSize } : {}),
    onProgress: ({ eventsDone, eventsTotal }) => {
      if (Date.now() - lastReport < PROGRESS_EVERY_MS) return;
      lastReport = Date.now();
      logger.log(`rebuilding read models: ${eventsDone} of ~${eventsTotal} events (${Math.floor((100 * eventsDone) / Math.max(1, eventsTotal))} %)`);
    },
  });
  // The rebuild held every folded state; the service should not carry that heap into serving.
  const collected = collectGarbageNow();
  const heap = collected ? `; heap ${mib(collected.beforeBytes)} → ${mib(collected.afterBytes)} MiB` : '';
  logger.log(`read models rebuilt: ${result.events} events in ${result.seconds.toFixed(1)} s${heap}`);
  return result;
}

/**
 * undefined (keep every state: the fastest rebuild, on two threads) when the suggestions that
 * `events` suggests fit in half the heap; else as many states as fit (a state that leaves is
 * written and read back: slower, bounded). With the count unknown (null), always bounded.
 */
export function stateCacheFor(events: number | null, heapLimitBytes: number): number | undefined {
  const fits = Math.floor(heapLimitBytes / 2 / STATE_BYTES);
  if (events !== null && Math.ceil(events / EVENTS_PER_SUGGESTION) <= fits) return undefined;
  return Math.max(1_000, fits);
}

function mib(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}
