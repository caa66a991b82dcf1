import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../schema/open-read-model';

export class AccountWriter {
  private readonly upsertUserStmt: Statement;
  private readonly upsertUnitStmt: Statement;
  private readonly activeStmt: Statement;
  private readonly roleStmt: Statement;
  private readonly validFromStmt: Statement;
  private readonly endSessionStmt: Statement;
  private readonly renameUnitStmt: Statement;
  private readonly delegationStmt: Statement;
  private readonly unitStmt: Statement;
  private readonly phoneStmt: Statement;

  constructor(db: ReadModelDatabase) {
    this.upsertUserStmt = db.prepare(`
      INSERT INTO users (id, display_name, role, unit_id, delegation_id, phone) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, unit_id = excluded.unit_id,
        delegation_id = excluded.delegation_id, phone = excluded.phone`);
    this.upsertUnitStmt = db.prepare(
      `INSERT INTO units (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name`,
    );
    this.activeStmt = db.prepare(`UPDATE users SET active = ? WHERE id = ?`);
    this.renameUnitStmt = db.prepare(`UPDATE units SET name = ? WHERE id = ?`);
    this.delegationStmt = db.prepare(`UPDATE users SET delegation_id = ? WHERE id = ?`);
    this.unitStmt = db.prepare(`UPDATE users SET unit_id = ? WHERE id = ?`);
    this.phoneStmt = db.prepare(`UPDATE users SET phone = ? WHERE id = ?`);
    this.roleStmt = db.prepare(`UPDATE users SET role = ?, unit_id = ? WHERE id = ?`);
    this.validFromStmt = db.prepare(`UPDATE users SET sessions_valid_from = ? WHERE id = ?`);
    // Written without reading the row back (a rebuild's writes are replayed on another thread and
    // cannot be read): sessions expired by the event's time are dropped, the new one appended.
    this.endSessionStmt = db.prepare(`
      UPDATE users SET ended_sessions_json = (
        SELECT json_group_array(json(value)) FROM (
          SELECT value FROM json_each(users.ended_sessions_json) WHERE json_extract(value, '$.expiresAt') > ?
          UNION ALL SELECT json(?)
        )
      ) WHERE id = ?`);
  }

  upsertUser(id: string, displayName: string, role: string, unitId: string | null, delegationId: string | null = null, phone: string | null = null): void {
    this.upsertUserStmt.run(id, displayName, role, unitId, delegationId, phone);
  }

  renameUnit(id: string, name: string): void {
    this.renameUnitStmt.run(name, id);
  }

  setDelegation(id: string, delegationId: string | null): void {
    this.delegationStmt.run(delegationId, id);
  }

  setUnit(id: string, unitId: string): void {
    this.unitStmt.run(unitId, id);
  }

  setPhone(id: string, phone: string | null): void {
    this.phoneStmt.run(phone, id);
  }

  upsertUnit(id: string, name: string): void {
    this.upsertUnitStmt.run(id, name);
  }

  setActive(id: string, active: boolean): void {
    this.activeStmt.run(active ? 1 : 0, id);
  }

  setRole(id: string, role: string, unitId: string | null): void {
    this.roleStmt.run(role, unitId, id);
  }

  /** Tokens that name a lower revision of the user's stream than `revision` are refused. */
  endSessionsBefore(id: string, revision: number): void {
    this.validFromStmt.run(revision, id);
  }

  endSession(id: string, jti: string, expiresAt: string, at: string): void {
    this.endSessionStmt.run(at, JSON.stringify({ jti, expiresAt }), id);
  }
}
