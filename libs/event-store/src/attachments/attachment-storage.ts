/**
 * Where the bytes of attachments live, addressed by their sha256 (the events hold the hash, so the
 * audit chain covers each file). The local-disk adapter is the default; a shared volume makes it
 * serve several api replicas. Kept beside the event store so that backup, restore, migrate-store
 * and verify-audit (command-line tools without the api) handle files as they handle events.
 */
export interface AttachmentStorage {
  /** Stores the bytes (atomically, durable before it resolves) and returns their sha256 (hex). */
  put(bytes: Buffer): Promise<string>;
  /** The stored bytes, or null when no file has this hash. Not verified: see `readVerified`. */
  read(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
  /** Every stored hash with the time its file was written (ms since the epoch). */
  list(): Promise<{ sha256: string; storedAtMs: number }[]>;
}

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** Thrown when a stored file's bytes no longer hash to the name they are stored under. */
export class AttachmentCorruptedError extends Error {
  constructor(
    readonly sha256: string,
    readonly actualSha256: string | null,
  ) {
    super(actualSha256 === null ? `附件文件缺失：${sha256}` : `附件文件已被改动：应为 ${sha256}，实为 ${actualSha256}`);
    this.name = 'AttachmentCorruptedError';
  }
}
