import type { EventStore } from '@duban/event-store';
import { accountCommands } from './accounts';
import { planDataset } from './dataset-plan';
import { Organisation } from './organisation';
import { simulatedSuggestions } from './simulation-source';
import { DAY_MS } from './sim-time';
import { CommandEvents, DomainContext } from './suggestion-history';
import { TimeHeap } from './time-heap';
import { WaveWriter } from './wave-writer';

export interface GenerateOptions {
  suggestions: number;
  seed: string;
  /** The data set's "now": nothing happens at or after it. Fixed, so runs are reproducible. */
  endIso: string;
  store: EventStore;
  ctx: DomainContext;
  /** Appends in flight at once (one group-commit batch, roughly). */
  maxWave?: number;
  /** Simulate on a worker thread (compiled bench only) while this thread writes. Same output. */
  parallel?: boolean;
  onProgress?: (progress: { suggestions: number; events: number }) => void;
}

export interface GenerateReport {
  suggestions: number;
  events: number;
  commands: number;
  accountEvents: number;
  units: number;
  users: number;
  refusedCommands: number;
  refusals: Record<string, number>;
  byStatus: Record<string, number>;
  byType: Record<string, number>;
  firstSubmittedAt: string;
  endAt: string;
  organisation: Organisation;
}

/**
 * Generates a deterministic data set and writes it through the store. Histories are merged in
 * global time order (a min-heap of pending commands): everything earlier than the next
 * suggestion's submission is final by then, so it is written while the rest is still being
 * simulated. $all therefore interleaves suggestions the way a real year of work does.
 */
export async function generateDataset(options: GenerateOptions): Promise<GenerateReport> {
  const plan = planDataset(options.seed, options.suggestions, options.endIso);
  const { org } = plan;
  const firstMs = plan.seeds[0]?.submittedAtMs ?? plan.endMs;

  let suggestionsDone = 0;
  const writer = new WaveWriter(options.store, options.maxWave ?? 400, () =>
    options.onProgress?.({ suggestions: suggestionsDone, events: writer.events }),
  );

  const accounts = accountCommands(org, plan.accountsPrng, firstMs - 30 * DAY_MS);
  for (const command of accounts) await writer.add(command);
  await writer.flush();
  const accountEvents = writer.events;

  const heap = new TimeHeap<CommandEvents>();
  const byStatus: Record<string, number> = {};
  const byType: Record<string, number> = {};
  const refusals: Record<string, number> = {};
  let refusedCommands = 0;

  const drainBefore = async (limitMs: number): Promise<void> => {
    while (heap.size > 0 && heap.peekTime() < limitMs) await writer.add(heap.pop()!);
  };

  const source = { seed: options.seed, suggestions: options.suggestions, endIso: options.endIso, parallel: options.parallel ?? false };
  for await (const history of simulatedSuggestions(plan, options.ctx, source)) {
    await drainBefore(history.submittedAtMs);
    for (const command of history.commands) {
      heap.push(command.atMs, command);
      for (const e of command.events) byType[e.type] = (byType[e.type] ?? 0) + 1;
    }
    byStatus[history.status] = (byStatus[history.status] ?? 0) + 1;
    refusedCommands += history.refused;
    for (const [code, n] of history.refusals) refusals[code] = (refusals[code] ?? 0) + n;
    suggestionsDone += 1;
  }
  await drainBefore(Number.POSITIVE_INFINITY);
  await writer.flush();
  options.onProgress?.({ suggestions: suggestionsDone, events: writer.events });

  return {
    suggestions: options.suggestions,
    events: writer.events,
    commands: writer.commands,
    accountEvents,
    units: org.units.length,
    users: accounts.length - org.units.length,
    refusedCommands,
    refusals,
    byStatus,
    byType,
    firstSubmittedAt: new Date(firstMs).toISOString(),
    endAt: options.endIso,
    organisation: org,
  };
}
