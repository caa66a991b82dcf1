/** One stored event of the stand-in, in the shape the gRPC messages carry. */
export interface StandInEvent {
  streamId: string;
  revision: bigint;
  /** A byte offset, as on a real server: positions are not event counts. */
  position: bigint;
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

/** `bigint` = exact revision; -1n = no stream. */
export type StandInExpected = bigint | 'any' | 'stream_exists';

export type AppendOutcome =
  | { kind: 'written'; last: StandInEvent }
  /** The same ids are already there: accepted as done, nothing written (the server's idempotence). */
  | { kind: 'already-written'; last: StandInEvent }
  | { kind: 'wrong-expected-version'; current: bigint };

/**
 * The stand-in's event log: one global order, streams, and the rule by which EventStoreDB accepts
 * a repeated append as done (with an exact expected revision below the stream's, the events from
 * expected+1 must carry the proposed ids in order). Enough for client behaviour; not a database.
 */
export class StandInLog {
  readonly all: StandInEvent[] = [];
  private readonly streams = new Map<string, StandInEvent[]>();
  private nextPosition = 1_000n;
  private readonly listeners = new Set<(event: StandInEvent) => void>();

  stream(streamId: string): StandInEvent[] | undefined {
    return this.streams.get(streamId);
  }

  currentRevision(streamId: string): bigint {
    return BigInt(this.streams.get(streamId)?.length ?? 0) - 1n;
  }

  onAppend(listener: (event: StandInEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(streamId: string, expected: StandInExpected, proposed: ProposedEvent[]): AppendOutcome {
    const current = this.currentRevision(streamId);
    const existing = this.streams.get(streamId) ?? [];
    if (typeof expected === 'bigint' && expected < current) {
      const again = existing.slice(Number(expected + 1n), Number(expected + 1n) + proposed.length);
      if (proposed.length > 0 && again.length === proposed.length && again.every((e, i) => e.id === proposed[i]!.id)) {
        return { kind: 'already-written', last: again[again.length - 1]! };
      }
      return { kind: 'wrong-expected-version', current };
    }
    if (typeof expected === 'bigint' && expected !== current) return { kind: 'wrong-expected-version', current };
    if (expected === 'stream_exists' && current < 0n) return { kind: 'wrong-expected-version', current };
    if (expected === 'any' && proposed.length > 0) {
      const start = existing.findIndex((e) => e.id === proposed[0]!.id);
      if (start >= 0) return { kind: 'already-written', last: existing[Math.min(existing.length, start + proposed.length) - 1]! };
    }
    let last: StandInEvent | undefined;
    for (const event of proposed) {
      last = { ...event, streamId, revision: BigInt(existing.length), position: this.nextPosition };
      this.nextPosition += BigInt(64 + event.data.length + event.customMetadata.length);
      existing.push(last);
      this.all.push(last);
    }
    this.streams.set(streamId, existing);
    for (const event of this.all.slice(this.all.length - proposed.length)) for (const listener of this.listeners) listener(event);
    if (!last) return { kind: 'wrong-expected-version', current };
    return { kind: 'written', last };
  }
}
