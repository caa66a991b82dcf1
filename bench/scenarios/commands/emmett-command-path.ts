import { randomUUID } from 'node:crypto';
import { Actor, EventMetadata, Stamped, SuggestionEvent, SuggestionState, suggestionDecider } from '@duban/domain';
import { EmmettCoreModule, EmmettEvent, EmmettReadEvent, EmmettSqliteEventStore } from '../../anchors/emmett/load-emmett';
import { DomainContext } from '../../generator/suggestion-history';
import { CommandFixture } from './command-fixtures';

function metadata(actor: Actor, now: string): EventMetadata {
  const id = randomUUID();
  return { eventId: randomUUID(), actor, occurredAt: now, correlationId: id, causationId: id, schemaVersion: 1 };
}

/** What the product's evolve needs from an Emmett event: its type, data, time and actor. */
function stamp(event: EmmettEvent | EmmettReadEvent): Stamped<SuggestionEvent> {
  const meta = (event.metadata ?? {}) as Partial<EventMetadata>;
  return { type: event.type, data: event.data, at: meta.occurredAt, by: meta.actor } as Stamped<SuggestionEvent>;
}

/**
 * The same work through Emmett: its CommandHandler reads and folds the stream (with the
 * product's evolve), runs the product's decide, and appends with the stream version it read.
 */
export function emmettCommandPath(
  core: EmmettCoreModule,
  store: EmmettSqliteEventStore,
  ctx: DomainContext,
): (fixture: CommandFixture, step: CommandFixture['steps'][number]) => Promise<void> {
  const handle = core.CommandHandler<SuggestionState>({
    evolve: (state, event) => suggestionDecider.evolve(state, stamp(event)),
    initialState: suggestionDecider.initialState,
  });
  return async (fixture, step) => {
    const now = new Date().toISOString();
    await handle(store, fixture.streamId, (state) =>
      suggestionDecider
        .decide(step.command, state, { ...ctx, now, actor: step.actor })
        .map((event) => ({ type: event.type, data: event.data, metadata: { ...metadata(step.actor, now) } })),
    );
  };
}

function isBusy(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'SQLITE_BUSY';
}

/**
 * Emmett opens a connection per operation and sometimes fails with SQLITE_BUSY even with one
 * operation at a time ("cannot commit transaction - SQL statements in progress"). Setup retries
 * that; the measured path does too (its throughput counts only what succeeded, retries included).
 */
export async function retryBusy<T>(run: () => Promise<T>, onRetry: () => void = () => undefined, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (error) {
      if (!isBusy(error) || i >= attempts) throw error;
      onRetry();
      await new Promise((resolve) => setTimeout(resolve, 5 * i));
    }
  }
}

/** Writes the fixtures' histories into Emmett's store: one append per suggestion (setup, not measured). */
export async function seedEmmett(store: EmmettSqliteEventStore, fixtures: readonly CommandFixture[]): Promise<void> {
  for (const fixture of fixtures) {
    const events = fixture.history.flatMap((c) => c.events.map((e) => ({ type: e.type, data: e.data, metadata: { ...e.metadata } })));
    await retryBusy(() => store.appendToStream(fixture.streamId, events, { expectedStreamVersion: 0n }));
  }
}
