import type { EventStore, Position, RecordedEvent } from '../port/event-store.port';
import { formatPosition, parsePosition } from '../port/position';
import type { AuditKey } from './audit-key';
import { checkSealSignature, signSeal, SEAL_FORMAT, type AuditSeal, type SealedHead, type SealedTip } from './audit-seal';
import type { ChainBreak } from './chain-break';
import { ChainVerifier, type Tip } from './chain-verifier';
import { SealCheck, type SealFinding } from './seal-check';
import { checkStoreAgainstMark } from './store-fingerprint';
import { EMPTY_STORE_DIGEST, nextStoreDigest } from './store-digest';

/** The store does not verify (or no longer holds what the previous seal sealed): nothing is sealed. */
export class AuditSealRefusedError extends Error {
  constructor(
    readonly breaks: ChainBreak[],
    readonly findings: SealFinding[],
  ) {
    const lines = [...breaks.map((b) => `${b.streamId}@${b.revision} ${b.code}: ${b.reason}`), ...findings.map((f) => `${f.code}: ${f.reason}`)];
    super(`audit seal refused: the store does not verify (${lines.length} finding(s))\n${lines.join('\n')}`);
    this.name = 'AuditSealRefusedError';
  }
}

export interface TakeSealOptions {
  /** The latest seal so far: its signature is checked, and when the store still ends where it did, only the events after it are read. */
  previous?: AuditSeal | null;
  now?: () => Date;
  signal?: AbortSignal;
  pageSize?: number;
}

export interface TakenSeal {
  seal: AuditSeal;
  /** `incremental`: only the events after the previous seal were read; `full`: the whole store. */
  mode: 'incremental' | 'full';
  /** Events read to take it. */
  read: number;
}

/**
 * Seals the store: verifies it with the key, then signs every stream's tip and the store's head
 * (with the running digest of the global order). A store that does not verify is not sealed
 * (AuditSealRefusedError): a seal must never vouch for a tampered history.
 *
 * With a valid previous seal whose head is still in place, only the events after that head are
 * read and chained onto the sealed tips (an hourly seal costs the hour's events, not the store);
 * tips the store lost since are carried over from the previous seal, so verify-audit still
 * reports them. Otherwise the whole store is read, and compared with the previous seal if any.
 */
export async function takeSeal(store: EventStore, key: AuditKey, options: TakeSealOptions = {}): Promise<TakenSeal> {
  const previous = usablePrevious(options.previous, key);
  const resumable = previous !== null && previous.head !== null ? await stillEndsAt(store, previous.head) : null;
  const verifier = new ChainVerifier({ key, wholeStore: true });
  let digest = EMPTY_STORE_DIGEST;
  let events = 0;
  let after: Position | undefined;
  let sealCheck: SealCheck | null = null;
  if (previous !== null && resumable !== null) {
    verifier.resume(tipsOf(previous), previous.head!.keyed);
    digest = previous.head!.digest;
    events = previous.head!.events;
    after = resumable;
  } else if (options.previous) {
    // The previous seal itself must hold even though it cannot be resumed from.
    const check = checkSealSignature(options.previous, key.publicKeyPem());
    if (check.status !== 'valid') throw new AuditSealRefusedError([], [{ code: 'seal_invalid', reason: `上一个封印无效：${check.reason}` }]);
    sealCheck = new SealCheck(options.previous);
  }
  const target = await store.headPosition();
  let last: RecordedEvent | null = null;
  let read = 0;
  const pageSize = options.pageSize ?? 2000;
  while (target !== null) {
    options.signal?.throwIfAborted();
    const page = await store.readAll({ ...(after ? { after } : {}), maxCount: pageSize });
    let reachedTarget = page.length < pageSize;
    for (const event of page) {
      if (event.position.commit > target.commit) {
        reachedTarget = true;
        break;
      }
      verifier.check(event);
      sealCheck?.check(event);
      digest = nextStoreDigest(digest, event);
      events += 1;
      read += 1;
      last = event;
    }
    if (reachedTarget || page.length === 0) break;
    after = page[page.length - 1]!.position;
  }
  const findings = sealCheck?.finish() ?? [];
  const tips = verifier.verifiedTips();
  if (tips === null || findings.length > 0) throw new AuditSealRefusedError(verifier.breaks, findings);

  const head: SealedHead | null =
    last !== null
      ? {
          events,
          position: formatPosition(last.position),
          streamId: last.streamId,
          revision: last.revision.toString(),
          hash: last.metadata.hash ?? null,
          digest,
          keyed: verifier.keyed,
        }
      : (previous?.head ?? null);
  const seal = signSeal(
    {
      format: SEAL_FORMAT,
      version: 1,
      sealedAt: (options.now?.() ?? new Date()).toISOString(),
      keyId: key.id,
      head,
      streams: [...tips].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([streamId, tip]): SealedTip => [streamId, tip.revision.toString(), tip.hash, tip.keyed ? 1 : 0]),
    },
    key,
  );
  return { seal, mode: previous !== null && resumable !== null ? 'incremental' : 'full', read };
}

/** The previous seal, when it was signed with this key and can be resumed from. */
function usablePrevious(previous: AuditSeal | null | undefined, key: AuditKey): AuditSeal | null {
  if (!previous || previous.keyId !== key.id) return null;
  return checkSealSignature(previous, key.publicKeyPem()).status === 'valid' ? previous : null;
}

/** The sealed head's position when the store still has that very event there, else null. */
async function stillEndsAt(store: EventStore, head: SealedHead): Promise<Position | null> {
  const position = parsePosition(head.position);
  if (position === null) return null;
  const check = await checkStoreAgainstMark(store, { position, streamId: head.streamId, revision: BigInt(head.revision), hash: head.hash });
  return check.status === 'consistent' ? position : null;
}

function tipsOf(seal: AuditSeal): Iterable<[string, Tip]> {
  return seal.streams.map(([streamId, revision, hash, keyed]): [string, Tip] => [streamId, { revision: BigInt(revision), hash: hash ?? '', keyed: keyed === 1 }]);
}
