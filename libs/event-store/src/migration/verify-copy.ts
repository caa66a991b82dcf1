import type { ChainBreak } from '../audit/chain-break';
import { ChainVerifier } from '../audit/chain-verifier';
import type { EventStore, Position, RecordedEvent } from '../port/event-store.port';

export interface CopyCheck {
  sourceEvents: number;
  /** Events in the target's copies of the source's streams. */
  targetEvents: number;
  streams: number;
  mismatches: { streamId: string; source: number; target: number }[];
  /** Copied streams whose audit chain does not hold on the target. */
  brokenChains: ChainBreak[];
  /** Streams whose last hash differs between source and target (a chain fixes every earlier event too). */
  hashMismatches: { streamId: string; source: string | null; target: string | null }[];
}

const PAGE = 2000;

interface StreamTally {
  count: number;
  lastHash: string | null;
}

/**
 * Counts events per stream on both sides, verifies the target's chains, and compares each
 * stream's last hash: equal last hashes mean every earlier event was carried over unchanged.
 */
export async function verifyCopy(from: EventStore, to: EventStore): Promise<CopyCheck> {
  const source = await tally(from);
  const chains = new ChainVerifier();
  // '' matches every stream: the target may be a server whose default is to follow only some prefixes.
  const target = await tally(to, [''], (event) => {
    if (source.has(event.streamId)) chains.check(event);
  });
  let targetEvents = 0;
  let sourceEvents = 0;
  const mismatches: CopyCheck['mismatches'] = [];
  const hashMismatches: CopyCheck['hashMismatches'] = [];
  for (const [streamId, counted] of source) {
    sourceEvents += counted.count;
    const copied = target.get(streamId);
    targetEvents += copied?.count ?? 0;
    if ((copied?.count ?? 0) !== counted.count) mismatches.push({ streamId, source: counted.count, target: copied?.count ?? 0 });
    // A source written before the audit chain has no hashes to compare; its copy got new ones.
    else if (counted.lastHash !== null && copied?.lastHash !== counted.lastHash) {
      hashMismatches.push({ streamId, source: counted.lastHash, target: copied?.lastHash ?? null });
    }
  }
  return { sourceEvents, targetEvents, streams: source.size, mismatches, brokenChains: chains.breaks, hashMismatches };
}

async function tally(store: EventStore, streamPrefixes?: string[], each?: (event: RecordedEvent) => void): Promise<Map<string, StreamTally>> {
  const streams = new Map<string, StreamTally>();
  let after: Position | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE, streamPrefixes });
    if (page.length === 0) return streams;
    for (const event of page) {
      const seen = streams.get(event.streamId);
      if (seen) {
        seen.count += 1;
        seen.lastHash = event.metadata.hash ?? null;
      } else {
        streams.set(event.streamId, { count: 1, lastHash: event.metadata.hash ?? null });
      }
      each?.(event);
    }
    after = page[page.length - 1]!.position;
  }
}
