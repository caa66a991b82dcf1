import { comparePositions, type Position } from '@duban/event-store';
import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../schema/open-read-model';

/**
 * Unit names for notification texts, read once and kept (units are few). The account projection
 * tells it of every registration, so a name is the one in force when the event was applied.
 */
export class UnitNames {
  private readonly names = new Map<string, string>();
  private readonly loadStmt: Statement<[string], { name: string }>;
  /** Every name a unit had, from when (oldest first); only with `history`. */
  private readonly history: Map<string, { from: Position; name: string }[]> | null;

  /**
   * `history`: keep every name with the position it took effect at, and answer a name as of a
   * position: a rebuild that applies the units before the suggestions (stream by stream) then
   * names a unit in a notification as the live projector did when it applied that event.
   */
  constructor(db: ReadModelDatabase, options: { history?: boolean } = {}) {
    this.loadStmt = db.prepare(`SELECT name FROM units WHERE id = ?`);
    this.history = options.history ? new Map() : null;
  }

  /** `at`: the position of the event that names the unit (used with history only). */
  get(unitId: string, at?: Position): string {
    if (this.history !== null && at !== undefined) return this.nameAt(unitId, at);
    let name = this.names.get(unitId);
    if (name === undefined) {
      name = this.loadStmt.get(unitId)?.name ?? unitId;
      this.names.set(unitId, name);
    }
    return name;
  }

  /** `from`: the position of the event that gave the name (kept with history only). */
  set(unitId: string, name: string, from?: Position): void {
    this.names.set(unitId, name);
    if (this.history === null || from === undefined) return;
    const names = this.history.get(unitId);
    if (names) names.push({ from, name });
    else this.history.set(unitId, [{ from, name }]);
  }

  private nameAt(unitId: string, at: Position): string {
    const names = this.history!.get(unitId);
    let name: string | undefined;
    // Registrations come in the global order: the last one before `at` is in force. Units are renamed rarely.
    if (names) for (const entry of names) if (comparePositions(entry.from, at) < 0) name = entry.name;
    // Not registered yet then: the live projector found no row, and named it by its id. (The table
    // holds the units' last names by now: not the answer.)
    return name ?? unitId;
  }

  /** After a rolled-back batch a name may be one that was never committed. */
  clear(): void {
    this.names.clear();
    this.history?.clear();
  }
}
