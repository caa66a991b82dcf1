import * as fs from 'node:fs';
import * as path from 'node:path';

/** A folder for one run's throw-away stores, on the same disk as the data (fsync must be real). */
export class Scratch {
  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  /** A fresh path: any database (and its -wal/-shm) already there is removed. */
  freshDb(name: string): string {
    const file = path.join(this.dir, name);
    removeDb(file);
    return file;
  }

  path(name: string): string {
    return path.join(this.dir, name);
  }

  removeAll(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * Copies a closed database: the main file and its WAL if one was left (the -shm index is
 * rebuilt by SQLite from the WAL and must not be copied from another file's state).
 */
export function copyDb(from: string, to: string): void {
  removeDb(to);
  fs.copyFileSync(from, to);
  if (fs.existsSync(`${from}-wal`) && fs.statSync(`${from}-wal`).size > 0) fs.copyFileSync(`${from}-wal`, `${to}-wal`);
}
