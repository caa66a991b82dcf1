import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../schema/open-read-model';

/**
 * Unit names for notification texts, read once and kept (units are few). The account projection
 * tells it of every registration, so a name is the one in force when the event was applied.
 */
export class UnitNames {
  private readonly names = new Map<string, string>();
  private readonly loadStmt: Statement<[string], { name: string }>;

  constructor(db: ReadModelDatabase) {
    this.loadStmt = db.prepare(`SELECT name FROM units WHERE id = ?`);
  }

  get(unitId: string): string {
    let name = this.names.get(unitId);
    if (name === undefined) {
      name = this.loadStmt.get(unitId)?.name ?? unitId;
      this.names.set(unitId, name);
    }
    return name;
  }

  set(unitId: string, name: string): void {
    this.names.set(unitId, name);
  }

  /** After a rolled-back batch a name may be one that was never committed. */
  clear(): void {
    this.names.clear();
  }
}
