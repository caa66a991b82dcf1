import type { LoggerService } from '@nestjs/common';
import { getHeapStatistics } from 'node:v8';
import { assertNever, type Rulebook, type WorkingCalendar } from '@duban/domain';
import { checkStoreAgainstMark, comparePositions, formatMark, formatPosition, type EventStore, type Position } from '@duban/event-store';
import { readModelStoreIdentityAt, rebuildReadModels, recordReadModelStoreIdentityAt, type RebuildResult } from '@duban/read-models';
import { collectGarbageNow } from './collect-garbage';
import { takeCleanStopNote } from './clean-stop-note';
import { adoptPreparedReadModel } from './prepared-read-model';
import { inspectReadModel, type ReadModelInspection } from './read-model-inspection';

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
  /** storeIdentityOf(the store's config): a read model built from another store is rebuilt, then records this. */
  storeIdentity?: string;
}

/**
 * Before the service opens its read model: when the file is missing or of another schema version
 * (an upgrade that changed the tables, a lost file), damaged, or describes another history than
 * the store's (see whyReadModelCannotServe) and the store holds events, rebuilds it in bulk first.
 * Left to the projector, the same replay runs batch by batch while the service already answers
 * with half-filled lists — and a read model ahead of its store would never replay at all: it
 * would wait for positions the store hands out again to new events, which it then skips.
 * Measured on the 10k-suggestion bench data set (97k events): the api answered after 8.4 s with
 * every list complete (6.5 s of rebuild), against 52 s of live replay before its lists were whole.
 * A read model prepared beside the old one (`npm run rebuild -- --beside`, see prepared-read-model)
 * is adopted first, so an upgrade need not rebuild here while the service is down.
 * Returns null when nothing had to be done.
 */
export async function rebuildOutdatedReadModel(
  store: EventStore,
  readModelPath: string,
  { rules, logger, headCountsEvents, storeIdentity }: OutdatedReadModelOptions,
): Promise<RebuildResult | null> {
  const cleanlyStopped = takeCleanStopNote(readModelPath);
  const { adopted, verified } = adoptPreparedReadModel(readModelPath, logger);
  const unchanged = adopted ? verified : cleanlyStopped;
  const inspection = inspectReadModel(readModelPath, { quickCheck: !unchanged });
  const head = await store.headPosition();
  const builtFrom = inspection.state === 'current' ? readModelStoreIdentityAt(readModelPath) : null;
  const reason =
    storeIdentity !== undefined && builtFrom !== null && builtFrom !== storeIdentity
      ? `was built from another event store (${builtFrom}, now ${storeIdentity}): its checkpoint means nothing here`
      : await whyReadModelCannotServe(inspection, store, head, headCountsEvents);
  if (reason === null) {
    if (storeIdentity !== undefined) recordReadModelStoreIdentityAt(readModelPath, storeIdentity);
    return null;
  }
  // An empty store (a first start): the projector creates the file as events come.
  if (head === null && (inspection.state === 'missing' || inspection.state === 'outdated')) return null;
  logger.log(`read model at ${readModelPath} ${reason}: rebuilding it from the events before serving`);
  const stateCacheSize = stateCacheFor(headCountsEvents && head ? Number(head.commit) : null, getHeapStatistics().heap_size_limit);
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
  if (storeIdentity !== undefined) recordReadModelStoreIdentityAt(readModelPath, storeIdentity);
  return result;
}

/**
 * Why the read model must not be served as it is (the end of the log line), or null when it can:
 * missing or of another schema version; pages damaged (quick_check); its checkpoint beyond the
 * store's head (the store was restored from an older backup, or emptied); or the event its mark
 * names (stream, revision, position, hash) not where it was in the store (another history).
 */
export async function whyReadModelCannotServe(
  inspection: ReadModelInspection,
  store: EventStore,
  head: Position | null,
  headCountsEvents: boolean,
): Promise<string | null> {
  switch (inspection.state) {
    case 'missing':
    case 'outdated':
      return 'is missing or of another schema version';
    case 'damaged':
      return `is damaged (quick_check: ${inspection.problems.join('; ')})`;
    case 'current':
      break;
    default:
      return assertNever(inspection, 'read model inspection');
  }
  const { checkpoint, mark } = inspection;
  if (checkpoint === null) return null;
  if (head === null || comparePositions(checkpoint, head) > 0) {
    const ahead = head === null ? '' : headCountsEvents ? ` by ${checkpoint.commit - head.commit} events` : '';
    const headText = head === null ? 'the store is empty' : `store head ${formatPosition(head)}`;
    return `is ahead of the event store${ahead} (checkpoint ${formatPosition(checkpoint)}, ${headText}): the store was probably restored from an older backup`;
  }
  if (mark === null) return null;
  const check = await checkStoreAgainstMark(store, mark);
  switch (check.status) {
    case 'consistent':
      return null;
    case 'store_behind':
      return `was built from events the store no longer has (its last recorded event ${formatMark(mark)} is gone): the store was probably restored from an older backup`;
    case 'diverged':
      return `was built from another history (the store holds a different event where ${formatMark(mark)} was): the store was replaced or rewritten`;
    default:
      return assertNever(check, 'store mark check');
  }
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
