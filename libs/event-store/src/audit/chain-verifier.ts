import type { RecordedEvent } from '../port/event-store.port';
import { expectedHashOf, GENESIS_HASH } from './audit-hash';
import type { ChainBreak } from './chain-break';

/** A stream whose chain already broke: its later events are not judged again. */
const BROKEN = null;

/**
 * Checks events one at a time, in each stream's order (the global order keeps it), remembering
 * only each stream's last revision and hash. The first break of a stream is reported; a stream
 * is not judged further after it, since every later link would repeat the same finding.
 */
export class ChainVerifier {
  private readonly tips = new Map<string, { revision: bigint; hash: string } | typeof BROKEN>();
  readonly breaks: ChainBreak[] = [];
  private checkedEvents = 0;

  /** The break this event reveals, or null. */
  check(event: RecordedEvent): ChainBreak | null {
    this.checkedEvents += 1;
    const tip = this.tips.get(event.streamId);
    if (tip === BROKEN) return null;
    const found = this.judge(event, tip?.revision ?? -1n, tip?.hash ?? GENESIS_HASH);
    if (found) {
      this.breaks.push(found);
      this.tips.set(event.streamId, BROKEN);
      return found;
    }
    this.tips.set(event.streamId, { revision: event.revision, hash: event.metadata.hash! });
    return null;
  }

  get events(): number {
    return this.checkedEvents;
  }

  get streams(): number {
    return this.tips.size;
  }

  /** The last verified hash of a stream (undefined when unknown or broken). */
  tipOf(streamId: string): { revision: bigint; hash: string } | undefined {
    return this.tips.get(streamId) ?? undefined;
  }

  private judge(event: RecordedEvent, previous: bigint, prevHash: string): ChainBreak | null {
    const at = (revision: bigint, code: ChainBreak['code'], reason: string): ChainBreak => ({ streamId: event.streamId, revision, code, reason });
    const expected = previous + 1n;
    if (event.revision > expected) {
      return at(expected, 'missing_event', `缺少修订号 ${expected} 的事件（已被删除？），下一个存在的是修订号 ${event.revision}`);
    }
    if (event.revision < expected) {
      return at(event.revision, 'unexpected_revision', `修订号 ${event.revision} 重复或顺序错乱（应为 ${expected}）`);
    }
    const { hash, prevHash: recordedPrev } = event.metadata;
    if (typeof hash !== 'string' || typeof recordedPrev !== 'string') {
      return at(event.revision, 'missing_hash', '事件没有审计哈希（hash/prevHash 缺失：被删改，或写于启用审计链之前）');
    }
    if (recordedPrev !== prevHash) {
      return at(
        event.revision,
        'prev_hash_mismatch',
        event.revision === 0n
          ? '第一个事件的 prevHash 不是起始值（前面被插入或删除了事件？）'
          : `prevHash 与修订号 ${event.revision - 1n} 的哈希不一致（该事件被改写并重算了哈希，或本事件的 prevHash 被改动）`,
      );
    }
    if (expectedHashOf(event, prevHash) !== hash) {
      return at(event.revision, 'hash_mismatch', '事件的类型、数据或元数据与其哈希不符（记录被改动）');
    }
    return null;
  }
}
