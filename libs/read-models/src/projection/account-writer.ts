import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../schema/open-read-model';

export class AccountWriter {
  private readonly upsertUserStmt: Statement;
  private readonly upsertUnitStmt: Statement;

  constructor(db: ReadModelDatabase) {
    this.upsertUserStmt = db.prepare(`
      INSERT INTO users (id, display_name, role, unit_id) VALUES (?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, unit_id = excluded.unit_id`);
    this.upsertUnitStmt = db.prepare(
      `INSERT INTO units (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name`,
    );
  }

  upsertUser(id: string, displayName: string, role: string, unitId: string | null): void {
    this.upsertUserStmt.run(id, displayName, role, unitId);
  }

  upsertUnit(id: string, name: string): void {
    this.upsertUnitStmt.run(id, name);
  }
}
