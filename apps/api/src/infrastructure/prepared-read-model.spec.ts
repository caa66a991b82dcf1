import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { openReadModelDatabase, READ_MODEL_SCHEMA_VERSION } from '@duban/read-models';
import { tempDir } from '@duban/read-models/testing/temp-dir';
import { adoptPreparedReadModel, notePreparedReadModelVerified, preparedReadModelPath } from './prepared-read-model';

describe('adopting a read model prepared beside the served one', () => {
  let dir: ReturnType<typeof tempDir>;
  let served: string;
  let prepared: string;
  let lines: string[];
  const logger = { log: (m: unknown) => lines.push(String(m)), error: (m: unknown) => lines.push(String(m)), warn: (m: unknown) => lines.push(String(m)) };

  beforeEach(() => {
    dir = tempDir();
    served = dir.file('read-model.sqlite');
    prepared = preparedReadModelPath(served);
    lines = [];
    writeFileSync(served, 'the old version\'s file');
  });

  afterEach(() => dir.remove());

  function createCurrent(path: string, rows = 0): void {
    const { db } = openReadModelDatabase(path, 'live');
    // Enough pages that damage in the middle hits table pages, not only the header.
    db.exec('CREATE TABLE filler (x TEXT)');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < rows; i++) insert.run('填充'.repeat(200));
    db.close();
  }

  it('puts a verified file of this schema in place of the served one, without checking its pages again', () => {
    createCurrent(prepared);
    expect(notePreparedReadModelVerified(prepared)).toEqual([]);
    const inode = statSync(prepared).ino;

    expect(adoptPreparedReadModel(served, logger)).toEqual({ adopted: true, verified: true });
    expect(statSync(served).ino).toBe(inode);
    expect(existsSync(prepared)).toBe(false);
    expect(existsSync(`${prepared}.verified`)).toBe(false);
  });

  it('deletes a prepared file of another schema version and leaves the served file alone', () => {
    createCurrent(prepared);
    const db = new Database(prepared);
    db.pragma(`user_version = ${READ_MODEL_SCHEMA_VERSION + 1}`);
    db.close();

    expect(adoptPreparedReadModel(served, logger)).toEqual({ adopted: false, verified: false });
    expect(existsSync(prepared)).toBe(false);
    expect(statSync(served).size).toBe('the old version\'s file'.length);
    expect(lines.join('\n')).toContain('another schema version');
  });

  it('checks the pages of a file changed since it was verified, and refuses it when damaged', () => {
    createCurrent(prepared, 2_000);
    expect(notePreparedReadModelVerified(prepared)).toEqual([]);
    const { size } = statSync(prepared);
    const fd = openSync(prepared, 'r+');
    try {
      writeSync(fd, Buffer.alloc(size / 3, 0x5a), 0, Math.floor(size / 3), Math.floor(size / 3));
    } finally {
      closeSync(fd);
    }

    expect(adoptPreparedReadModel(served, logger)).toEqual({ adopted: false, verified: false });
    expect(existsSync(prepared)).toBe(false);
    expect(lines.join('\n')).toContain('is damaged');
  });

  it('does nothing when no file was prepared', () => {
    expect(adoptPreparedReadModel(served, logger)).toEqual({ adopted: false, verified: false });
    expect(lines).toEqual([]);
  });
});
