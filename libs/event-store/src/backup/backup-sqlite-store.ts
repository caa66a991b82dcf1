import * as fs from 'node:fs';
import * as path from 'node:path';
import { storeFingerprint, type StoreMark } from '../audit/store-fingerprint';
import { verifyStore, type StoreAuditReport } from '../audit/verify-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { copyDatabaseOnline } from './online-copy';
import { fsyncFileAndFolder, integrityProblems, StoreFileError, useRollbackJournal } from './sqlite-file-checks';

export type BackupPhase = 'copy' | 'verify';

/** `copy` counts pages, `verify` counts events. */
export type BackupProgress = (progress: { phase: BackupPhase; done: number; total: number }) => void;

export interface BackupReport {
  file: string;
  events: number;
  pages: number;
  restarts: number;
  /** The backup's last event: what a restored store will end with. */
  mark: StoreMark | null;
  /** The copy's audit chains (a faithful copy of a broken store is broken too: the backup is kept, and said so). */
  audit: StoreAuditReport;
}

export interface BackupOptions {
  /** Replace an existing backup file. */
  force?: boolean;
}

/**
 * Takes a consistent copy of the embedded store while the service keeps writing: the online
 * backup API into a temporary file beside the target, checked (integrity_check, audit chain),
 * flushed, then renamed into place — a backup file is never half written.
 */
export async function backupSqliteStore(storePath: string, target: string, onProgress?: BackupProgress, options: BackupOptions = {}): Promise<BackupReport> {
  const source = path.resolve(storePath);
  const file = path.resolve(target);
  if (!fs.existsSync(source)) throw new StoreFileError(`事件库文件不存在：${source}`);
  if (file === source) throw new StoreFileError('备份文件不能是事件库文件本身');
  if (fs.existsSync(file) && !options.force) throw new StoreFileError(`备份文件已存在：${file}。如需覆盖请加 --force`);
  fs.mkdirSync(path.dirname(file), { recursive: true });

  const temporary = `${file}.partial-${process.pid}`;
  fs.rmSync(temporary, { force: true });
  try {
    const copy = await copyDatabaseOnline(source, temporary, ({ totalPages, copiedPages }) => onProgress?.({ phase: 'copy', done: copiedPages, total: totalPages }));
    const problems = integrityProblems(temporary);
    if (problems.length > 0) throw new StoreFileError(`备份副本未通过完整性检查（integrity_check）：${problems.slice(0, 5).join('；')}`);

    const copyStore = new SqliteEventStore({ path: temporary });
    let events: number;
    let audit: StoreAuditReport;
    let mark: StoreMark | null;
    try {
      events = await copyStore.countEvents();
      onProgress?.({ phase: 'verify', done: 0, total: events });
      audit = await verifyStore(copyStore, ({ checked }) => onProgress?.({ phase: 'verify', done: checked, total: events }));
      mark = await storeFingerprint(copyStore);
    } finally {
      await copyStore.close();
    }
    // A backup is a single file in rollback-journal mode: read-only tools open it without
    // creating -wal/-shm beside it; the service switches a restored store back to WAL.
    useRollbackJournal(temporary);
    fsyncFileAndFolder(temporary);
    fs.renameSync(temporary, file);
    fsyncFileAndFolder(file);
    return { file, events, pages: copy.pages, restarts: copy.restarts, mark, audit };
  } finally {
    for (const leftover of [temporary, `${temporary}-wal`, `${temporary}-shm`]) fs.rmSync(leftover, { force: true });
  }
}
