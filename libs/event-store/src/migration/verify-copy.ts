import type { EventStore, Position } from '../port/event-store.port';

export interface CopyCheck {
  sourceEvents: number;
  /** Events in the target's copies of the source's streams. */
  targetEvents: number;
  streams: number;
  mismatches: { streamId: string; source: number; target: number }[];
}

const PAGE = 2000;

/** Counts events per stream on both sides; every source stream must have as many in the target. */
export async function verifyCopy(from: EventStore, to: EventStore): Promise<CopyCheck> {
  const source = await countPerStream(from);
  // '' matches every stream: the target may be a server whose default is to follow only some prefixes.
  const target = await countPerStream(to, ['']);
  let targetEvents = 0;
  const mismatches: CopyCheck['mismatches'] = [];
  let sourceEvents = 0;
  for (const [streamId, count] of source) {
    sourceEvents += count;
    const copied = target.get(streamId) ?? 0;
    targetEvents += copied;
    if (copied !== count) mismatches.push({ streamId, source: count, target: copied });
  }
  return { sourceEvents, targetEvents, streams: source.size, mismatches };
}

async function countPerStream(store: EventStore, streamPrefixes?: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let after: Position | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE, streamPrefixes });
    if (page.length === 0) return counts;
    for (const event of page) counts.set(event.streamId, (counts.get(event.streamId) ?? 0) + 1);
    after = page[page.length - 1]!.position;
  }
}
