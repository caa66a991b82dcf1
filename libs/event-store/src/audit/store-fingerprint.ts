import type { EventStore, Position, RecordedEvent } from '../port/event-store.port';
import { comparePositions, formatPosition } from '../port/position';

/**
 * Where a store's history ends: the last event's position, place and hash. Kept by whoever
 * depends on the store being the same one later — the projector with its checkpoint, an
 * operator after `verify-audit` — it reveals a store restored from an older backup, shortened
 * at the end, or swapped for another one.
 */
export interface StoreMark {
  position: Position;
  streamId: string;
  revision: bigint;
  /** null for an event stored before the audit chain existed. */
  hash: string | null;
}

/** Both adapters can read their last event; the port does not require it. */
interface ReadsLastEvent {
  lastEvent(): Promise<RecordedEvent | null>;
}

/** The mark of one event, e.g. the last one a projector applied. */
export function markOf(event: RecordedEvent): StoreMark {
  return { position: event.position, streamId: event.streamId, revision: event.revision, hash: event.metadata.hash ?? null };
}

/** The store's last event's mark, or null when the store is empty. */
export async function storeFingerprint(store: EventStore): Promise<StoreMark | null> {
  const reader = store as EventStore & Partial<ReadsLastEvent>;
  if (typeof reader.lastEvent !== 'function') throw new Error('storeFingerprint: this event store cannot read its last event');
  const last = await reader.lastEvent();
  return last ? markOf(last) : null;
}

/** `<position> <streamId>@<revision> <hash>`: one line an operator can keep and compare. */
export function formatMark(mark: StoreMark): string {
  return `${formatPosition(mark.position)} ${mark.streamId}@${mark.revision} ${mark.hash ?? '-'}`;
}

export type MarkCheck =
  | { status: 'consistent' }
  /** The marked event is gone: the store is older than the mark (restored from a backup, or shortened). */
  | { status: 'store_behind'; reason: string }
  /** The marked place holds another event: a different history (another store, or rewritten). */
  | { status: 'diverged'; reason: string };

/**
 * Whether the store still holds the marked event, unchanged, where it was. A projector compares
 * the mark of the last event it applied before it resumes from its checkpoint: anything but
 * `consistent` means its read model describes events the store no longer has — rebuild it.
 */
export async function checkStoreAgainstMark(store: EventStore, mark: StoreMark): Promise<MarkCheck> {
  const [event] = await store.readStream(mark.streamId, { fromRevision: mark.revision, maxCount: 1 });
  if (!event || event.revision !== mark.revision) {
    const head = await store.headPosition();
    const headText = head ? formatPosition(head) : '空库';
    return {
      status: 'store_behind',
      reason: `事件库中已没有 ${mark.streamId} 修订号 ${mark.revision} 的事件（事件库末尾位置 ${headText}，记录的位置 ${formatPosition(mark.position)}）：事件库可能已从较早的备份恢复`,
    };
  }
  if (comparePositions(event.position, mark.position) !== 0 || (event.metadata.hash ?? null) !== mark.hash) {
    return {
      status: 'diverged',
      reason: `${mark.streamId} 修订号 ${mark.revision} 处的事件与记录的不同（位置或哈希不一致）：事件库已被替换或改写`,
    };
  }
  return { status: 'consistent' };
}
