import type { Statement } from 'better-sqlite3';
import type { Position } from '@duban/event-store';
import type { ReadModelDatabase } from '../schema/open-read-model';

export interface StoredCheckpoint {
  position: Position;
  eventsApplied: number;
}

const NAME = 'read-models';

/** The read model's place in the store's global order, saved in the same transaction as the rows. */
export class CheckpointStore {
  private readonly saveStmt: Statement;
  private readonly loadStmt: Statement<[string], { c: string; p: string; n: number }>;

  constructor(db: ReadModelDatabase) {
    this.saveStmt = db.prepare(`
      INSERT INTO checkpoints (name, commit_position, prepare_position, events_applied) VALUES (?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET commit_position = excluded.commit_position,
        prepare_position = excluded.prepare_position, events_applied = excluded.events_applied`);
    this.loadStmt = db.prepare(
      `SELECT commit_position AS c, prepare_position AS p, events_applied AS n FROM checkpoints WHERE name = ?`,
    );
  }

  save(position: Position, eventsApplied: number): void {
    this.saveStmt.run(NAME, position.commit.toString(), position.prepare.toString(), eventsApplied);
  }

  load(): StoredCheckpoint | null {
    const row = this.loadStmt.get(NAME);
    if (!row) return null;
    return { position: { commit: BigInt(row.c), prepare: BigInt(row.p) }, eventsApplied: row.n };
  }
}
