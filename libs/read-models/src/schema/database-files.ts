import { existsSync, rmSync } from 'node:fs';

/**
 * Deletes a SQLite database and the files SQLite keeps beside it. `keepMain` deletes only the
 * journal files: a WAL left by an old file would otherwise be replayed into a new one put in its
 * place.
 */
export function removeDatabaseFiles(path: string, options: { keepMain?: boolean } = {}): void {
  const suffixes = options.keepMain ? ['-wal', '-shm', '-journal'] : ['', '-wal', '-shm', '-journal'];
  for (const suffix of suffixes) if (existsSync(path + suffix)) rmSync(path + suffix);
}
