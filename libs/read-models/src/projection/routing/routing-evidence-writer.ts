import type { ExistingSuggestion, Stamped, SuggestionEvent } from '@duban/domain';
import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../../schema/open-read-model';

/**
 * Keeps `routing_evidence` (智能交办's memory of where each suggestion went): written with keyed
 * upserts and updates only, never read back, so a rebuild's deferred writer can run it as it is.
 */
export class RoutingEvidenceWriter {
  private readonly assignStmt: Statement;
  private readonly outcomeStmt: Statement;
  private readonly endOthersStmt: Statement;
  private readonly categoryStmt: Statement;

  constructor(db: ReadModelDatabase) {
    this.assignStmt = db.prepare(`
      INSERT INTO routing_evidence (suggestion_id, unit_id, role, outcome, answer_category) VALUES (?, ?, ?, 'assigned', NULL)
      ON CONFLICT (suggestion_id, unit_id) DO UPDATE SET role = excluded.role, outcome = 'assigned', answer_category = NULL`);
    this.outcomeStmt = db.prepare(`UPDATE routing_evidence SET outcome = ? WHERE suggestion_id = ? AND unit_id = ?`);
    this.endOthersStmt = db.prepare(`DELETE FROM routing_evidence WHERE suggestion_id = ? AND outcome = 'assigned' AND unit_id <> ?`);
    this.categoryStmt = db.prepare(`UPDATE routing_evidence SET answer_category = ? WHERE suggestion_id = ? AND unit_id = ?`);
  }

  /** Called with the state after the event is folded in. */
  apply(id: string, event: Stamped<SuggestionEvent>, state: ExistingSuggestion): void {
    switch (event.type) {
      case 'SuggestionAssigned':
      case 'SuggestionReassigned':
        for (const unit of event.data.units) this.assignStmt.run(id, unit.unitId, unit.role);
        return;
      case 'ReturnApproved':
        // The unit said "not ours": evidence against it. The rest of that assignment ended with it
        // and says nothing either way, so it goes (the next assignment writes its own rows).
        this.outcomeStmt.run('returned', id, event.data.unitId);
        this.endOthersStmt.run(id, event.data.unitId);
        return;
      case 'SuggestionTransferred': {
        this.outcomeStmt.run('transferred', id, event.data.fromUnitId);
        const role = 'assignment' in state ? state.assignment?.units.find((u) => u.unitId === event.data.toUnitId)?.role : undefined;
        this.assignStmt.run(id, event.data.toUnitId, role ?? 'sole');
        return;
      }
      case 'SuggestionAnswered':
        this.categoryStmt.run(event.data.category, id, event.data.unitId);
        return;
      default:
        return;
    }
  }
}
