import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../schema/open-read-model';

/**
 * A token that changes whenever the read model's content may have: `PRAGMA data_version` moves when
 * another connection commits (a projector in another process, a rebuild's swap), `total_changes()`
 * when this connection writes (the in-process projector shares it). Equal tokens mean nothing was
 * written in between, so a result computed under one token is still the answer under the other.
 */
export class ReadModelVersion {
  private readonly dataVersion: Statement<[], unknown>;
  private readonly totalChanges: Statement<[], unknown>;

  constructor(db: ReadModelDatabase) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.totalChanges = db.prepare('SELECT total_changes()').pluck();
  }

  current(): string {
    return `${String(this.dataVersion.get())}:${String(this.totalChanges.get())}`;
  }
}
