import { createHmac, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** Shortest accepted key: HMAC-SHA256 gains nothing from more, and less can be guessed. */
export const MIN_AUDIT_KEY_BYTES = 32;

/** An operator's key is refused for a reason they have to fix; the message is in Chinese. */
export class AuditKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditKeyError';
  }
}

/** Fixed PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SIGNING_SEED_LABEL = 'duban audit seal signing key v1';

/**
 * The secret behind the keyed audit chain. It is never stored with the events: whoever can edit
 * the store but does not hold this key cannot produce a hash the verifier accepts.
 *
 * `mac` is standard HMAC-SHA256 (RFC 2104), so an auditor can recompute it with any tool
 * (`openssl dgst -sha256 -hmac`). A new Hmac per event measured faster than cloning two hash
 * states prepared with the padded key (see the event store's README).
 *
 * The seals' Ed25519 key pair is derived from the same secret, so there is one secret to keep;
 * supervisors get only the public key, which cannot sign and cannot compute the chain's hashes.
 */
export class AuditKey {
  /** Names the key without revealing it (in seals and logs): the first 16 hex digits of HMAC(key, "key id"). */
  readonly id: string;
  private signing: { privateKey: KeyObject; publicKeyPem: string } | null = null;

  constructor(private readonly secret: Buffer) {
    if (secret.length < MIN_AUDIT_KEY_BYTES) throw new AuditKeyError(`审计密钥至少需要 ${MIN_AUDIT_KEY_BYTES} 字节（现在是 ${secret.length} 字节）`);
    this.id = this.mac('key id').slice(0, 16);
  }

  /** HMAC-SHA256 of the UTF-8 text, hex. */
  mac(text: string): string {
    return createHmac('sha256', this.secret).update(text, 'utf8').digest('hex');
  }

  /** The seals' signing key, derived: HMAC(key, label) is the Ed25519 seed. */
  signingKey(): KeyObject {
    return this.signingPair().privateKey;
  }

  /** The seals' verification key (SPKI PEM), the one thing supervisors need. */
  publicKeyPem(): string {
    return this.signingPair().publicKeyPem;
  }

  private signingPair(): { privateKey: KeyObject; publicKeyPem: string } {
    if (this.signing === null) {
      const seed = Buffer.from(this.mac(SIGNING_SEED_LABEL), 'hex');
      const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
      const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
      this.signing = { privateKey, publicKeyPem };
    }
    return this.signing;
  }
}

/**
 * A key as an operator writes it (AUDIT_KEY, or a key file's content): hex, or base64, of at
 * least 32 bytes. Hex is tried first: a hex text is also valid base64 and would decode wrongly.
 */
export function parseAuditKeyText(text: string, source: string): AuditKey {
  const trimmed = text.trim();
  let bytes: Buffer | null = null;
  if (/^(?:[0-9a-fA-F]{2})+$/.test(trimmed)) bytes = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) bytes = Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
  if (bytes === null || bytes.length === 0) throw new AuditKeyError(`${source}：审计密钥应为十六进制或 base64 文本`);
  if (bytes.length < MIN_AUDIT_KEY_BYTES) {
    throw new AuditKeyError(`${source}：审计密钥至少需要 ${MIN_AUDIT_KEY_BYTES} 字节（现在是 ${bytes.length} 字节），例如 openssl rand -hex 32 生成的 64 位十六进制`);
  }
  return new AuditKey(bytes);
}
