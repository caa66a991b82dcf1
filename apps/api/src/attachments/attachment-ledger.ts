import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AttachmentStorage } from '@duban/event-store';

export interface PendingUpload {
  attachmentId: string;
  suggestionId: string;
  sha256: string;
  /** The service clock's time of the upload (ISO). */
  uploadedAt: string;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * The bookkeeping beside the files, on the same volume (so every replica sees it):
 * - `.refs/<sha256>/<attachmentId>`: which attachments use a file. The same bytes are stored once,
 *   so a file is removed only when its last attachment lets go of it.
 * - `.pending/<attachmentId>.json`: every upload until the sweep has looked at it after the grace
 *   period. An upload whose event never made it into the store (refused, lost a race, the process
 *   died) is found here and its file removed, as is a letter no answer used.
 */
export class AttachmentLedger {
  constructor(
    private readonly root: string,
    private readonly storage: AttachmentStorage,
  ) {}

  async hold(upload: PendingUpload): Promise<void> {
    if (!SAFE_ID.test(upload.attachmentId)) throw new Error(`unsafe attachment id ${upload.attachmentId}`);
    const refDir = path.join(this.root, '.refs', upload.sha256);
    await fs.promises.mkdir(refDir, { recursive: true });
    await fs.promises.writeFile(path.join(refDir, upload.attachmentId), '');
    await fs.promises.mkdir(path.join(this.root, '.pending'), { recursive: true });
    await fs.promises.writeFile(this.pendingFile(upload.attachmentId), JSON.stringify(upload));
  }

  /** The upload is settled for good (kept by the record): nothing more to watch. */
  async settle(attachmentId: string): Promise<void> {
    if (!SAFE_ID.test(attachmentId)) return;
    await fs.promises.rm(this.pendingFile(attachmentId), { force: true });
  }

  /** The attachment is gone from the record (or never got into it): its file goes when nothing else uses it. */
  async release(attachmentId: string, sha256: string): Promise<boolean> {
    await this.settle(attachmentId);
    const refDir = path.join(this.root, '.refs', sha256);
    await fs.promises.rm(path.join(refDir, attachmentId), { force: true });
    const left = fs.existsSync(refDir) ? await fs.promises.readdir(refDir) : [];
    if (left.length > 0) return false;
    await fs.promises.rm(refDir, { recursive: true, force: true });
    await this.storage.delete(sha256);
    return true;
  }

  async pending(): Promise<PendingUpload[]> {
    const dir = path.join(this.root, '.pending');
    if (!fs.existsSync(dir)) return [];
    const out: PendingUpload[] = [];
    for (const name of await fs.promises.readdir(dir)) {
      if (!name.endsWith('.json')) continue;
      try {
        out.push(JSON.parse(await fs.promises.readFile(path.join(dir, name), 'utf8')) as PendingUpload);
      } catch {
        // Half-written by a process that died mid-write: the next upload of that id rewrites it.
      }
    }
    return out;
  }

  private pendingFile(attachmentId: string): string {
    return path.join(this.root, '.pending', `${attachmentId}.json`);
  }
}
