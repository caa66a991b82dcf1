export { AttachmentCorruptedError, SHA256_PATTERN, type AttachmentStorage } from './attachment-storage';
export { LocalDiskAttachmentStorage, sha256Hex } from './local-disk-attachment-storage';
export { attachmentsPathFromEnv, backupAttachmentsDir } from './attachments-path';
export { copyAttachments, checkAttachmentFiles, type AttachmentCheck, type AttachmentCopyReport } from './copy-attachments';
export { attachmentHashesInStore } from './attachment-hashes';
