import type { RecordedEvent } from '../port/event-store.port';
import type { AuditSeal } from './audit-seal';
import { EMPTY_STORE_DIGEST, nextStoreDigest } from './store-digest';

export type SealFindingCode =
  /** The seal file itself: unreadable, not signed by the expected key, or changed after signing. */
  | 'seal_invalid'
  /** The event at a sealed stream's tip revision carries another hash. */
  | 'sealed_event_changed'
  /** A sealed stream ends before its sealed tip: its last event(s) were deleted. */
  | 'sealed_event_missing'
  /** A sealed stream is gone altogether. */
  | 'sealed_stream_missing'
  /** The store holds fewer events than at sealing (its last events deleted, or an older copy). */
  | 'store_shorter'
  /** The events up to the sealed head are not the sealed ones in the sealed order (inserted, removed, reordered, changed). */
  | 'store_digest_mismatch';

export interface SealFinding {
  code: SealFindingCode;
  streamId?: string;
  revision?: bigint;
  /** For the operator, in Chinese. */
  reason: string;
}

/**
 * Compares a scan of the whole store, in its global order, with a seal (whose signature the caller
 * has checked): every sealed stream must still reach its sealed tip with the sealed hash, and the
 * first `head.events` events must give the sealed digest. Memory: one entry per sealed stream.
 */
export class SealCheck {
  private readonly tips = new Map<string, { revision: bigint; hash: string | null; reached: bigint | null; matched: boolean }>();
  private readonly findings: SealFinding[] = [];
  private events = 0;
  private digest = EMPTY_STORE_DIGEST;

  constructor(private readonly seal: AuditSeal) {
    for (const [streamId, revision, hash] of seal.streams) this.tips.set(streamId, { revision: BigInt(revision), hash, reached: null, matched: false });
  }

  check(event: RecordedEvent): void {
    const head = this.seal.head;
    if (head !== null && this.events < head.events) {
      this.events += 1;
      this.digest = nextStoreDigest(this.digest, event);
      if (this.events === head.events && this.digest !== head.digest) {
        this.findings.push({
          code: 'store_digest_mismatch',
          reason: `封印时的前 ${head.events} 个事件与事件库现在的前 ${head.events} 个事件不一致（有事件被插入、删除、调换顺序或改动；封印时末尾为 ${head.streamId} 修订号 ${head.revision}，现在第 ${head.events} 个是 ${event.streamId} 修订号 ${event.revision}）`,
        });
      }
    }
    const sealed = this.tips.get(event.streamId);
    if (sealed === undefined) return;
    sealed.reached = sealed.reached === null || event.revision > sealed.reached ? event.revision : sealed.reached;
    if (event.revision !== sealed.revision) return;
    const hash = typeof event.metadata.hash === 'string' ? event.metadata.hash : null;
    if (hash === sealed.hash) {
      sealed.matched = true;
      return;
    }
    sealed.matched = true; // found, but changed: reported here, not again as missing
    this.findings.push({
      code: 'sealed_event_changed',
      streamId: event.streamId,
      revision: event.revision,
      reason: `流 ${event.streamId} 修订号 ${event.revision} 的哈希与封印时不同（该事件在封印后被改写）`,
    });
  }

  /** Call once after the last event. */
  finish(): SealFinding[] {
    const head = this.seal.head;
    if (head !== null && this.events < head.events) {
      this.findings.push({
        code: 'store_shorter',
        reason: `封印时事件库有 ${head.events} 个事件（末尾为 ${head.streamId} 修订号 ${head.revision}），现在只有 ${this.events} 个：末尾的事件被删除，或事件库被换成了更早的副本`,
      });
    }
    for (const [streamId, sealed] of this.tips) {
      if (sealed.matched) continue;
      if (sealed.reached === null) {
        this.findings.push({ code: 'sealed_stream_missing', streamId, revision: sealed.revision, reason: `流 ${streamId} 整个不见了（封印时已有修订号 0–${sealed.revision}）` });
      } else {
        this.findings.push({
          code: 'sealed_event_missing',
          streamId,
          revision: sealed.revision,
          reason:
            sealed.reached < sealed.revision
              ? `流 ${streamId} 封印时已到修订号 ${sealed.revision}，现在只到修订号 ${sealed.reached}：其后的事件被删除`
              : `流 ${streamId} 封印时末尾的修订号 ${sealed.revision} 不见了`,
        });
      }
    }
    return this.findings;
  }
}
