import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AttachmentCorruptedError, SHA256_PATTERN, type AttachmentStorage } from './attachment-storage';

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Files under `<root>/<first two hex digits>/<sha256>`. A write goes to `<root>/.tmp/`, is fsync'd,
 * renamed into place and the folder fsync'd, so a crash leaves either the whole file or none under
 * its name (and an upload is acknowledged only once it survives a power cut). The same bytes are
 * stored once, whoever uploads them.
 */
export class LocalDiskAttachmentStorage implements AttachmentStorage {
  constructor(readonly root: string) {}

  async put(bytes: Buffer): Promise<string> {
    const sha256 = sha256Hex(bytes);
    const target = this.fileOf(sha256);
    if (fs.existsSync(target)) return sha256;
    const tmpDir = path.join(this.root, '.tmp');
    await fs.promises.mkdir(tmpDir, { recursive: true });
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const tmp = path.join(tmpDir, `${sha256}.${randomBytes(6).toString('hex')}`);
    const handle = await fs.promises.open(tmp, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, target);
    await fsyncDir(path.dirname(target));
    return sha256;
  }

  async read(sha256: string): Promise<Buffer | null> {
    if (!SHA256_PATTERN.test(sha256)) return null;
    try {
      return await fs.promises.readFile(this.fileOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** The bytes, checked against their hash: a file changed (or lost) on disk is an error, never served. */
  async readVerified(sha256: string): Promise<Buffer> {
    const bytes = await this.read(sha256);
    if (bytes === null) throw new AttachmentCorruptedError(sha256, null);
    const actual = sha256Hex(bytes);
    if (actual !== sha256) throw new AttachmentCorruptedError(sha256, actual);
    return bytes;
  }

  async has(sha256: string): Promise<boolean> {
    return SHA256_PATTERN.test(sha256) && fs.existsSync(this.fileOf(sha256));
  }

  async delete(sha256: string): Promise<void> {
    if (!SHA256_PATTERN.test(sha256)) return;
    await fs.promises.rm(this.fileOf(sha256), { force: true });
  }

  async list(): Promise<{ sha256: string; storedAtMs: number }[]> {
    if (!fs.existsSync(this.root)) return [];
    const out: { sha256: string; storedAtMs: number }[] = [];
    for (const prefix of await fs.promises.readdir(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      for (const name of await fs.promises.readdir(path.join(this.root, prefix))) {
        if (!SHA256_PATTERN.test(name)) continue;
        const stat = await fs.promises.stat(path.join(this.root, prefix, name));
        out.push({ sha256: name, storedAtMs: stat.mtimeMs });
      }
    }
    return out;
  }

  fileOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }
}

async function fsyncDir(dir: string): Promise<void> {
  // Makes the rename itself durable; some platforms cannot open a folder for sync, which is fine there.
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch {
    /* not supported here */
  } finally {
    await handle?.close();
  }
}
