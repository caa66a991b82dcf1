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

/**
 * A keyed (HMAC) hash had to be computed or checked without the audit key: the process was
 * started without AUDIT_KEY / AUDIT_KEY_FILE.
 */
export class AuditKeyRequiredError extends Error {
  constructor(
    readonly streamId: string,
    readonly revision: bigint,
  ) {
    super(`audit key required: ${streamId}@${revision} is hashed with the audit key (hmac-sha256); set AUDIT_KEY or AUDIT_KEY_FILE`);
    this.name = 'AuditKeyRequiredError';
  }
}

/** An event's metadata names a hash scheme this code does not know (edited, or written by a newer version). */
export class UnknownHashSchemeError extends Error {
  constructor(readonly scheme: unknown) {
    super(`unknown audit hash scheme ${JSON.stringify(scheme)}`);
    this.name = 'UnknownHashSchemeError';
  }
}

/**
 * An event without the key's hash after one with it in the same stream: refused, since accepting
 * it would let anyone without the key continue (or rewrite the end of) a keyed stream.
 */
export class AuditSchemeDowngradeError extends Error {
  constructor(
    readonly streamId: string,
    readonly revision: bigint,
  ) {
    super(`audit hash downgrade refused on ${streamId}@${revision}: the stream's previous event is keyed (hmac-sha256), so every later one must be; open the store with the audit key`);
    this.name = 'AuditSchemeDowngradeError';
  }
}
