import type { AttachmentKind, AttachmentRef } from '../../values';

/** The commands attachments accepts and the events it records (composed into the suggestion's unions). */

export type AttachmentsCommand =
  /** A file already stored (the api checked its type and stored it by hash) joins the suggestion. */
  | { type: 'AddAttachment'; data: AttachmentRef }
  /** Scheduler only (actor `system`): a letter never used by an answer within the grace period. */
  | { type: 'DiscardAttachment'; data: { attachmentId: string; uploadedBefore: string } };

export type AttachmentsEvent =
  /** A file joined the suggestion (its bytes are stored under `sha256`). */
  | { type: 'AttachmentAdded'; data: AttachmentRef & { kind: AttachmentKind } }
  /** A letter no answer used within the grace period: its file is removed (by the api). */
  | { type: 'AttachmentDiscarded'; data: { attachmentId: string; sha256: string } };
