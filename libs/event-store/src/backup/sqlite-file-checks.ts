import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A backup or restore refused, with a message for the operator (Chinese). */
export class StoreFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreFileError';
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Refuses a file that is not an embedded event store before anything is copied: SQLite itself
 * only notices a foreign file on its first read, and an empty database would pass every later
 * check as an empty store, so restoring it would silently swap the history for nothing.
 */
export function assertEventStoreFile(file: string): void {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) throw new StoreFileError(`${file} 不是 SQLite 数据库文件，未做任何替换`);
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
    if (!table) throw new StoreFileError(`${file} 不是 Duban 事件库（没有 events 表），未做任何替换`);
  } catch (error) {
    if (error instanceof StoreFileError) throw error;
    throw new StoreFileError(`${file} 无法作为 SQLite 数据库读取，未做任何替换：${String(error)}`, { cause: error });
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check`: an empty list when the file is sound, SQLite's findings otherwise. */
export function integrityProblems(file: string): string[] {
  const db = new Database(file, { fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const findings = rows.map((row) => row.integrity_check);
    return findings.length === 1 && findings[0] === 'ok' ? [] : findings;
  } finally {
    db.close();
  }
}

/**
 * Refuses a file some other connection holds open — a running service keeps its store open
 * for its whole life. An exclusive lock is only granted when nobody else has the file open in
 * WAL mode, so a refused lock means "in use". While holding it, the WAL is merged into the
 * file, so what is moved aside afterwards is complete on its own.
 */
export function assertNotInUseAndCheckpoint(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      db.exec('BEGIN EXCLUSIVE');
      db.exec('COMMIT');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
        throw new StoreFileError(`事件库 ${file} 正被其他进程（运行中的服务？）使用：请先停止服务再恢复`, { cause: error });
      }
      throw error;
    }
    if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal') db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** Flushes a file, and the folder entry that names it, to disk. */
export function fsyncFileAndFolder(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fsyncFolder(path.dirname(file));
}

export function fsyncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a folder; the rename is still atomic there.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** A SQLite file's companions; a stale WAL beside another database file would be applied to it. */
export function removeWalAndShm(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Switches a closed database file out of WAL mode (merging its WAL), so it is one file. */
export function useRollbackJournal(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}
