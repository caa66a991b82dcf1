import * as path from 'node:path';
import { DEFAULT_EVENT_STORE_PATH } from '../config';

/**
 * The folder of the attachment files: ATTACHMENTS_PATH, else `attachments/` beside the embedded
 * event store (data/attachments by default), so a store and its files travel together and every
 * tool (the api, backup, restore, migrate-store, verify-audit) finds the same folder.
 */
export function attachmentsPathFromEnv(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const explicit = env.ATTACHMENTS_PATH?.trim();
  if (explicit) return path.resolve(cwd, explicit);
  const storePath = path.resolve(cwd, env.EVENT_STORE_PATH?.trim() || DEFAULT_EVENT_STORE_PATH);
  return path.join(path.dirname(storePath), 'attachments');
}

/** The folder a backup file's attachments are written to: `<backup file>.attachments/`. */
export function backupAttachmentsDir(backupFile: string): string {
  return `${backupFile}.attachments`;
}
