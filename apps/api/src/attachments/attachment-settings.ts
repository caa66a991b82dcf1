import * as path from 'node:path';

export interface AttachmentSettings {
  /** The local-disk store's folder. */
  path: string;
  /** Largest accepted file; a larger upload is 413 before anything is stored. */
  maxBytes: number;
  /** How long an uploaded letter may wait for the answer that carries it before it is discarded. */
  graceMs: number;
}

/** A signed scan of a few pages is 1–5 MB; 20 MB leaves room for photos without inviting videos. */
export const ATTACHMENT_DEFAULTS = { maxMb: 20, graceHours: 72 } as const;

export function attachmentSettingsOr(settings: AttachmentSettings | undefined): AttachmentSettings {
  return settings ?? { path: path.resolve('data/attachments'), maxBytes: ATTACHMENT_DEFAULTS.maxMb * 1024 * 1024, graceMs: ATTACHMENT_DEFAULTS.graceHours * 3_600_000 };
}
