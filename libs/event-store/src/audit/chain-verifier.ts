import type { RecordedEvent } from '../port/event-store.port';
import { UnknownHashSchemeError } from './audit-errors';
import { expectedHashOf, GENESIS_HASH, isKeyedEvent } from './audit-hash';
import type { AuditKey } from './audit-key';
import type { ChainBreak } from './chain-break';

/** A stream whose chain already broke: its later events are not judged again. */
const BROKEN = null;

export interface Tip {
  revision: bigint;
  hash: string;
  keyed: boolean;
}

export interface ChainVerifierOptions {
  /**
   * The audit key. Without it a keyed event's own hash cannot be checked (only its place in the
   * chain): such events are counted in `keyedUnchecked`, and the caller must say so.
   */
  key?: AuditKey | null;
  /**
   * The events come in the store's global order, all of them: once one is keyed, every later
   * one must be (the store got its key at one moment; a writer without it is not the service).
   * Off for a single stream read on its own.
   */
  wholeStore?: boolean;
}

/**
 * Checks events one at a time, in each stream's order (the global order keeps it), remembering
 * only each stream's last revision and hash. The first break of a stream is reported; a stream
 * is not judged further after it, since every later link would repeat the same finding.
 */
export class ChainVerifier {
  private readonly tips = new Map<string, Tip | typeof BROKEN>();
  readonly breaks: ChainBreak[] = [];
  private checkedEvents = 0;
  private keyedSeen = false;
  private unchecked = 0;
  private readonly key: AuditKey | null;

  constructor(private readonly options: ChainVerifierOptions = {}) {
    this.key = options.key ?? null;
  }

  /** The break this event reveals, or null. */
  check(event: RecordedEvent): ChainBreak | null {
    this.checkedEvents += 1;
    const tip = this.tips.get(event.streamId);
    if (tip === BROKEN) return null;
    const found = this.judge(event, tip);
    if (found) {
      this.breaks.push(found);
      this.tips.set(event.streamId, BROKEN);
      return found;
    }
    return null;
  }

  get events(): number {
    return this.checkedEvents;
  }

  get streams(): number {
    return this.tips.size;
  }

  /** Keyed events whose own hash could not be checked: the verifier had no key. */
  get keyedUnchecked(): number {
    return this.unchecked;
  }

  /** Whether an event checked so far (or before the resumed state) is keyed. */
  get keyed(): boolean {
    return this.keyedSeen;
  }

  /**
   * Continues from a state verified earlier (a seal's tips): the next events must chain onto
   * these tips. Call before the first check.
   */
  resume(tips: Iterable<[streamId: string, tip: Tip]>, keyed: boolean): void {
    for (const [streamId, tip] of tips) this.tips.set(streamId, tip);
    this.keyedSeen = keyed;
  }

  /** Every stream's verified tip; null when a stream is broken (nothing to seal). */
  verifiedTips(): Map<string, Tip> | null {
    if (this.breaks.length > 0) return null;
    return this.tips as Map<string, Tip>;
  }

  /** The last verified hash of a stream (undefined when unknown or broken). */
  tipOf(streamId: string): { revision: bigint; hash: string } | undefined {
    return this.tips.get(streamId) ?? undefined;
  }

  private judge(event: RecordedEvent, tip: Tip | undefined): ChainBreak | null {
    const at = (revision: bigint, code: ChainBreak['code'], reason: string): ChainBreak => ({ streamId: event.streamId, revision, code, reason });
    const expected = (tip?.revision ?? -1n) + 1n;
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
    let keyed: boolean;
    try {
      keyed = isKeyedEvent(event.metadata);
    } catch (error) {
      if (!(error instanceof UnknownHashSchemeError)) throw error;
      return at(event.revision, 'unknown_scheme', `事件的哈希方案 ${JSON.stringify(error.scheme)} 无法识别（元数据被改动？）`);
    }
    if (!keyed && tip?.keyed) {
      return at(event.revision, 'scheme_downgrade', '该流前面的事件已使用审计密钥（HMAC）计算哈希，本事件却没有：可能是不持有密钥的人改写或追加了事件');
    }
    if (!keyed && this.keyedSeen && this.options.wholeStore) {
      return at(event.revision, 'scheme_downgrade', '事件库中更早的事件已使用审计密钥（HMAC）计算哈希，本事件却没有：可能是不持有密钥的人改写或追加了事件');
    }
    if (keyed) this.keyedSeen = true;
    const prevHash = tip?.hash ?? GENESIS_HASH;
    if (recordedPrev !== prevHash) {
      return at(
        event.revision,
        'prev_hash_mismatch',
        event.revision === 0n
          ? '第一个事件的 prevHash 不是起始值（前面被插入或删除了事件？）'
          : `prevHash 与修订号 ${event.revision - 1n} 的哈希不一致（该事件被改写并重算了哈希，或本事件的 prevHash 被改动）`,
      );
    }
    if (keyed && this.key === null) {
      this.unchecked += 1;
    } else if (expectedHashOf(event, prevHash, this.key) !== hash) {
      return at(event.revision, 'hash_mismatch', '事件的类型、数据或元数据与其哈希不符（记录被改动）');
    }
    this.tips.set(event.streamId, { revision: event.revision, hash, keyed });
    return null;
  }
}
