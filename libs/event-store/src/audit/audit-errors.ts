/**
 * An appended event brought its own hash (a copy from another store) and it is not the hash this
 * store computes for it at this place: the source's record was changed, or the copy is not
 * landing where it stood. Refused, so a changed history cannot be laundered into a valid chain.
 */
export class AuditHashMismatchError extends Error {
  constructor(
    readonly streamId: string,
    readonly revision: bigint,
    readonly claimed: { hash?: string; prevHash?: string },
    readonly computed: { hash: string; prevHash: string },
  ) {
    super(
      `audit hash mismatch on ${streamId}@${revision}: the event carries hash ${claimed.hash ?? '-'} / prevHash ${claimed.prevHash ?? '-'}, ` +
        `the store computes ${computed.hash} / ${computed.prevHash}`,
    );
    this.name = 'AuditHashMismatchError';
  }
}
