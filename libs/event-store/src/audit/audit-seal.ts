import { createPublicKey, sign, verify } from 'node:crypto';
import type { AuditKey } from './audit-key';
import { canonicalJson } from './canonical-json';

export const SEAL_FORMAT = 'duban-audit-seal';

/** One stream's end at sealing: [streamId, revision (decimal), hash, 1 when hashed with the key else 0]. */
export type SealedTip = [streamId: string, revision: string, hash: string | null, keyed: 0 | 1];

/** The store's last event at sealing, and the running digest of everything up to it. */
export interface SealedHead {
  /** How many events the store held, this one included. */
  events: number;
  /** Informational: positions change when a store is migrated, the other fields do not. */
  position: string;
  streamId: string;
  revision: string;
  hash: string | null;
  /** nextStoreDigest over every event up to this one, in the global order. */
  digest: string;
  /** Whether any event up to here is keyed: from then on every event must be. */
  keyed: boolean;
}

/** What the signature covers. */
export interface AuditSealBody {
  format: typeof SEAL_FORMAT;
  version: 1;
  sealedAt: string;
  /** AuditKey.id of the key the store is hashed with (names it, reveals nothing). */
  keyId: string;
  /** null for an empty store. */
  head: SealedHead | null;
  /** Every stream's tip, sorted by stream id. */
  streams: SealedTip[];
}

export interface AuditSeal extends AuditSealBody {
  signature: {
    algorithm: 'ed25519';
    /** SPKI PEM. A verifier should compare it with the key it was given out of band, not trust it. */
    publicKey: string;
    /** base64 of the Ed25519 signature over the canonical JSON of the body. */
    value: string;
  };
}

/** Ed25519 over the canonical JSON of everything but `signature`. */
export function signSeal(body: AuditSealBody, key: AuditKey): AuditSeal {
  const value = sign(null, Buffer.from(canonicalJson(body), 'utf8'), key.signingKey()).toString('base64');
  return { ...body, signature: { algorithm: 'ed25519', publicKey: key.publicKeyPem(), value } };
}

export type SealSignatureCheck =
  | { status: 'valid' }
  /** Signed by another key than the expected one (or by the seal's own key when none is expected). */
  | { status: 'wrong_key' | 'invalid' | 'malformed'; reason: string };

/**
 * Whether the seal was signed by `publicKeyPem` (the key held by the verifier: derived from the
 * audit key, or handed to supervisors) and not changed since.
 */
export function checkSealSignature(seal: AuditSeal, publicKeyPem: string): SealSignatureCheck {
  if (seal?.format !== SEAL_FORMAT || seal.version !== 1 || seal.signature?.algorithm !== 'ed25519' || typeof seal.signature.value !== 'string') {
    return { status: 'malformed', reason: '封印文件格式无法识别' };
  }
  const expected = normalisePem(publicKeyPem);
  if (normalisePem(seal.signature.publicKey) !== expected) {
    return { status: 'wrong_key', reason: '封印不是用预期的公钥签名的（公钥不一致）：封印可能被替换' };
  }
  const { signature, ...body } = seal;
  let ok: boolean;
  try {
    ok = verify(null, Buffer.from(canonicalJson(body), 'utf8'), createPublicKey(expected), Buffer.from(signature.value, 'base64'));
  } catch (error) {
    return { status: 'malformed', reason: `封印签名无法校验：${error instanceof Error ? error.message : String(error)}` };
  }
  return ok ? { status: 'valid' } : { status: 'invalid', reason: '封印签名无效：封印内容在签名后被改动' };
}

function normalisePem(pem: string): string {
  try {
    return createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    return `unparseable:${pem}`;
  }
}
