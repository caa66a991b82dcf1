import * as fs from 'node:fs';
import * as path from 'node:path';
import { SHA256_PATTERN } from './attachment-storage';
import { LocalDiskAttachmentStorage, sha256Hex } from './local-disk-attachment-storage';

export interface AttachmentCopyReport {
  files: number;
  bytes: number;
}

/**
 * Copies every stored file (and the bookkeeping of references beside them) from one folder to
 * another, each file checked against its hash on the way and written atomically: a backup, a
 * restore and a migration carry the same bytes the events name, or fail.
 */
export async function copyAttachments(fromDir: string, toDir: string): Promise<AttachmentCopyReport> {
  const from = new LocalDiskAttachmentStorage(fromDir);
  const to = new LocalDiskAttachmentStorage(toDir);
  let files = 0;
  let bytes = 0;
  for (const { sha256 } of await from.list()) {
    const content = await from.readVerified(sha256);
    await to.put(content);
    files++;
    bytes += content.length;
  }
  await copyTree(path.join(fromDir, '.refs'), path.join(toDir, '.refs'));
  await copyTree(path.join(fromDir, '.pending'), path.join(toDir, '.pending'));
  return { files, bytes };
}

async function copyTree(from: string, to: string): Promise<void> {
  if (!fs.existsSync(from)) return;
  await fs.promises.cp(from, to, { recursive: true, force: true });
}

export interface AttachmentCheck {
  sha256: string;
  problem: 'missing' | 'changed';
  actualSha256?: string;
}

/** Each named file present and hashing to its name: what verify-audit reports for the files. */
export async function checkAttachmentFiles(dir: string, sha256s: Iterable<string>): Promise<AttachmentCheck[]> {
  const storage = new LocalDiskAttachmentStorage(dir);
  const problems: AttachmentCheck[] = [];
  for (const sha256 of new Set(sha256s)) {
    if (!SHA256_PATTERN.test(sha256)) continue;
    const bytes = await storage.read(sha256);
    if (bytes === null) problems.push({ sha256, problem: 'missing' });
    else {
      const actual = sha256Hex(bytes);
      if (actual !== sha256) problems.push({ sha256, problem: 'changed', actualSha256: actual });
    }
  }
  return problems;
}
