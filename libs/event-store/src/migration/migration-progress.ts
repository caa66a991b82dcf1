import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Position } from '../port/event-store.port';
import { formatPosition, parsePosition } from '../port/position';

/** How far a migration got: the last source position whose events are all in the target. */
export interface MigrationCheckpoint {
  after: Position;
  copied: number;
}

export interface MigrationProgressStore {
  load(): Promise<MigrationCheckpoint | null>;
  save(checkpoint: MigrationCheckpoint): Promise<void>;
}

/** Keeps progress only for the run itself: a rerun starts over (and is still safe, just slower). */
export class InMemoryMigrationProgress implements MigrationProgressStore {
  private checkpoint: MigrationCheckpoint | null = null;
  async load(): Promise<MigrationCheckpoint | null> {
    return this.checkpoint;
  }
  async save(checkpoint: MigrationCheckpoint): Promise<void> {
    this.checkpoint = checkpoint;
  }
}

interface ProgressFile {
  version: 1;
  source: string;
  target: string;
  after: string;
  copied: number;
  updatedAt: string;
}

/**
 * Progress in a small JSON file, valid only for the same source and target. Written with a
 * rename so a crash leaves the old or the new checkpoint, never half of one. Losing the last
 * save is harmless: re-copied events are recognised by id and revision and not written twice.
 */
export class FileMigrationProgress implements MigrationProgressStore {
  constructor(
    readonly file: string,
    private readonly source: string,
    private readonly target: string,
  ) {}

  async load(): Promise<MigrationCheckpoint | null> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const saved = JSON.parse(text) as Partial<ProgressFile>;
    if (saved.version !== 1 || saved.source !== this.source || saved.target !== this.target) return null;
    const after = typeof saved.after === 'string' ? parsePosition(saved.after) : null;
    if (!after || typeof saved.copied !== 'number') return null;
    return { after, copied: saved.copied };
  }

  async save(checkpoint: MigrationCheckpoint): Promise<void> {
    const body: ProgressFile = {
      version: 1,
      source: this.source,
      target: this.target,
      after: formatPosition(checkpoint.after),
      copied: checkpoint.copied,
      updatedAt: new Date().toISOString(),
    };
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    await fs.promises.writeFile(temporary, JSON.stringify(body, null, 2));
    await fs.promises.rename(temporary, this.file);
  }
}
