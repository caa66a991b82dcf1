import type { EventStore, Position, ReadAllOptions, RecordedEvent } from '@duban/event-store';
import type { Projector } from '@duban/read-models';
import { COUNTED_UP_TO, measureProjectorLag } from './projector-lag';

/** A store whose positions are byte offsets (as EventStoreDB's are): 700 bytes per event. */
function storeWith(count: number): EventStore {
  const events: RecordedEvent[] = Array.from({ length: count }, (_, i) => ({
    streamId: `suggestion-${i}`,
    revision: 0n,
    position: { commit: BigInt(1000 + 700 * i), prepare: BigInt(1000 + 700 * i) },
    type: 'SuggestionSubmitted',
    data: {},
    metadata: { eventId: `e${i}`, occurredAt: new Date(60_000 + i).toISOString() } as RecordedEvent['metadata'],
  }));
  const readAll = async (options?: ReadAllOptions): Promise<RecordedEvent[]> => {
    const after = options?.after?.commit ?? -1n;
    return events.filter((e) => e.position.commit > after).slice(0, options?.maxCount ?? 1000);
  };
  return { readAll, headPosition: async () => events.at(-1)?.position ?? null } as unknown as EventStore;
}

const projectorAt = (checkpoint: Position | null): Projector =>
  ({ status: () => ({ running: true, checkpoint, error: null }) }) as unknown as Projector;

describe('projector lag', () => {
  it('counts the waiting events when positions are byte offsets, not their position difference', async () => {
    const lag = await measureProjectorLag(storeWith(2_500), projectorAt(null), 120_000);
    expect(lag).toEqual({ events: 2_500, eventsCapped: false, seconds: 60, running: true });
  });

  it('says "at least" beyond what it counts', async () => {
    const lag = await measureProjectorLag(storeWith(COUNTED_UP_TO + 1_500), projectorAt({ commit: 1000n, prepare: 1000n }), 120_000);
    expect(lag.events).toBe(COUNTED_UP_TO);
    expect(lag.eventsCapped).toBe(true);
  });
});
