import { AuditHashMismatchError } from './audit-errors';
import { chainHash, type ChainableEvent } from './audit-hash';

/**
 * Links one event into its stream's chain at `revision` after `prevHash`. A copy that brought
 * its own hash must land with exactly that hash (see AuditHashMismatchError).
 */
export function linkEvent(streamId: string, revision: bigint, event: ChainableEvent, prevHash: string): string {
  const hash = chainHash(streamId, revision, event, prevHash);
  const claimsHash = event.claimedHash !== undefined && event.claimedHash !== hash;
  const claimsPrev = event.claimedPrevHash !== undefined && event.claimedPrevHash !== prevHash;
  if (claimsHash || claimsPrev) {
    throw new AuditHashMismatchError(streamId, revision, { hash: event.claimedHash, prevHash: event.claimedPrevHash }, { hash, prevHash });
  }
  return hash;
}
