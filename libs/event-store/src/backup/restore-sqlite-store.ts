import * as fs from 'node:fs';
import * as path from 'node:path';
import { storeFingerprint, type StoreMark } from '../audit/store-fingerprint';
import { verifyStore } from '../audit/verify-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import type { BackupProgress } from './backup-sqlite-store';
import { copyDatabaseOnline } from './online-copy';
import { assertEventStoreFile, assertNotInUseAndCheckpoint, fsyncFileAndFolder, fsyncFolder, integrityProblems, removeWalAndShm, StoreFileError } from './sqlite-file-checks';

export interface RestoreOptions {
  /** Replace an existing store. It is kept beside, renamed, never deleted. */
  force?: boolean;
  onProgress?: BackupProgress;
  /** For the name of the kept store; default now. */
  now?: Date;
}

export interface RestoreReport {
  storePath: string;
  events: number;
  /** The restored store's last event. Read models built past it must be rebuilt. */
  mark: StoreMark | null;
  /** Where the replaced store was moved, when there was one. */
  previousStoreKeptAt: string | null;
}

/**
 * Brings a backup back as the embedded store. Nothing is replaced until the backup has proved
 * sound: it is copied next to the store, and that copy must pass integrity_check and have every
 * audit chain intact. Then the current store (if any, and only with `force`, and only when no
 * process has it open) has its WAL merged and is renamed aside, stale -wal/-shm files are removed
 * (SQLite would apply them to the restored file), and the copy is renamed into place.
 */
export async function restoreSqliteStore(backupFile: string, storePath: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  const backup = path.resolve(backupFile);
  const store = path.resolve(storePath);
  if (!fs.existsSync(backup)) throw new StoreFileError(`备份文件不存在：${backup}`);
  if (backup === store) throw new StoreFileError('备份文件与事件库是同一个文件');
  assertEventStoreFile(backup);
  const replacing = fs.existsSync(store);
  if (replacing && !options.force) {
    throw new StoreFileError(`事件库 ${store} 已存在。恢复会用备份替换它（原文件会改名保留），确认请加 --force`);
  }
  if (replacing) assertNotInUseAndCheckpoint(store);
  fs.mkdirSync(path.dirname(store), { recursive: true });

  const temporary = `${store}.restore-${process.pid}.tmp`;
  removeWalAndShm(temporary);
  fs.rmSync(temporary, { force: true });
  try {
    // Through SQLite, not a file copy: a backup that someone opened still has its pages in its WAL.
    await copyDatabaseOnline(backup, temporary, ({ totalPages, copiedPages }) => options.onProgress?.({ phase: 'copy', done: copiedPages, total: totalPages }));
    assertEventStoreFile(temporary);
    const problems = integrityProblems(temporary);
    if (problems.length > 0) throw new StoreFileError(`备份文件未通过完整性检查（integrity_check），未做任何替换：${problems.slice(0, 5).join('；')}`);

    const restored = new SqliteEventStore({ path: temporary });
    let events: number;
    let mark: StoreMark | null;
    try {
      events = await restored.countEvents();
      const audit = await verifyStore(restored, ({ checked }) => options.onProgress?.({ phase: 'verify', done: checked, total: events }));
      if (!audit.ok) {
        const examples = audit.broken
          .slice(0, 5)
          .map((b) => `${b.streamId} 修订号 ${b.revision}：${b.reason}`)
          .join('；');
        throw new StoreFileError(`备份的审计链有 ${audit.broken.length} 个流断裂，未做任何替换。例如 ${examples}`);
      }
      mark = await storeFingerprint(restored);
    } finally {
      await restored.close();
    }
    fsyncFileAndFolder(temporary);

    let previousStoreKeptAt: string | null = null;
    if (replacing) {
      // Checked again right before the swap: a service may have started since.
      assertNotInUseAndCheckpoint(store);
      previousStoreKeptAt = `${store}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(store, previousStoreKeptAt);
    }
    removeWalAndShm(store);
    fs.renameSync(temporary, store);
    fsyncFolder(path.dirname(store));
    return { storePath: store, events, mark, previousStoreKeptAt };
  } finally {
    fs.rmSync(temporary, { force: true });
    removeWalAndShm(temporary);
  }
}
