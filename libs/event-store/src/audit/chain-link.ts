import { AuditHashMismatchError, AuditSchemeDowngradeError } from './audit-errors';
import { chainHash, type ChainableEvent } from './audit-hash';
import type { AuditKey } from './audit-key';

/**
 * Links one event into its stream's chain at `revision` after `prevHash`. A copy that brought
 * its own hash must land with exactly that hash (see AuditHashMismatchError). `previousKeyed`
 * (when the adapter knows it) refuses an unkeyed event after a keyed one.
 */
export function linkEvent(
  streamId: string,
  revision: bigint,
  event: ChainableEvent,
  prevHash: string,
  key?: AuditKey | null,
  previousKeyed?: boolean,
): string {
  if (previousKeyed === true && !event.keyed) throw new AuditSchemeDowngradeError(streamId, revision);
  const hash = chainHash(streamId, revision, event, prevHash, key);
  const claimsHash = event.claimedHash !== undefined && event.claimedHash !== hash;
  const claimsPrev = event.claimedPrevHash !== undefined && event.claimedPrevHash !== prevHash;
  if (claimsHash || claimsPrev) {
    throw new AuditHashMismatchError(streamId, revision, { hash: event.claimedHash, prevHash: event.claimedPrevHash }, { hash, prevHash });
  }
  return hash;
}
