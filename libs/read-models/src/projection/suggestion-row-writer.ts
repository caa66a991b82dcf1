import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../schema/open-read-model';

/** What the list shows of one suggestion. */
export interface SuggestionListValues {
  id: string;
  title: string;
  status: string;
  leadDeputyId: string;
  unitIdsJson: string;
  dueAt: string | null;
  dueSort: string;
  /** SQLite has no boolean. */
  keySupervised: 0 | 1;
  revision: number;
  submittedAt: string;
  updatedAt: string;
  sessionId: string;
  number: number | null;
  delegationId: string | null;
}

export interface StoredSuggestion {
  title: string;
  status: string;
  revision: number;
  content: string;
  stateJson: string;
}

export type PartyKind = 'deputy' | 'unit';

/** The writes and the one read the suggestion projection makes, as statements prepared once. */
export class SuggestionRowWriter {
  private readonly upsertRowStmt: Statement;
  private readonly upsertTextStmt: Statement;
  private readonly upsertStateStmt: Statement;
  private readonly upsertPartyStmt: Statement;
  private readonly addToCountStmt: Statement;
  private readonly dropZeroCountStmt: Statement;
  private readonly loadStmt: Statement<[string], StoredSuggestion>;

  constructor(db: ReadModelDatabase) {
    this.upsertRowStmt = db.prepare(`
      INSERT INTO suggestions (id, title, status, lead_deputy_id, unit_ids, due_at, due_sort, key_supervised,
                               revision, submitted_at, updated_at, session_id, number, delegation_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        title = excluded.title, status = excluded.status, lead_deputy_id = excluded.lead_deputy_id,
        unit_ids = excluded.unit_ids, due_at = excluded.due_at, due_sort = excluded.due_sort,
        key_supervised = excluded.key_supervised, revision = excluded.revision,
        submitted_at = excluded.submitted_at, updated_at = excluded.updated_at,
        session_id = excluded.session_id, number = excluded.number, delegation_id = excluded.delegation_id`);
    this.upsertTextStmt = db.prepare(`
      INSERT INTO suggestion_texts (id, content) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET content = excluded.content`);
    this.upsertStateStmt = db.prepare(`
      INSERT INTO suggestion_states (id, state_json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET state_json = excluded.state_json`);
    this.upsertPartyStmt = db.prepare(`
      INSERT INTO parties (kind, party_id, suggestion_id, status, due_sort, submitted_at, key_supervised)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (kind, party_id, suggestion_id) DO UPDATE SET status = excluded.status,
        due_sort = excluded.due_sort, submitted_at = excluded.submitted_at, key_supervised = excluded.key_supervised`);
    this.addToCountStmt = db.prepare(`
      INSERT INTO status_counts (status, n) VALUES (?, ?) ON CONFLICT (status) DO UPDATE SET n = n + excluded.n`);
    this.dropZeroCountStmt = db.prepare(`DELETE FROM status_counts WHERE status = ? AND n = 0`);
    this.loadStmt = db.prepare(`
      SELECT s.title, s.status, s.revision, t.content, st.state_json AS stateJson
        FROM suggestions s JOIN suggestion_texts t ON t.id = s.id JOIN suggestion_states st ON st.id = s.id
       WHERE s.id = ?`);
  }

  upsertRow(v: SuggestionListValues): void {
    // Positional: binding by name costs a lookup per column, and a rebuild writes 100k rows.
    this.upsertRowStmt.run(
      v.id,
      v.title,
      v.status,
      v.leadDeputyId,
      v.unitIdsJson,
      v.dueAt,
      v.dueSort,
      v.keySupervised,
      v.revision,
      v.submittedAt,
      v.updatedAt,
      v.sessionId,
      v.number,
      v.delegationId,
    );
  }

  /** The content never changes after submission: written with the first row only. */
  insertText(id: string, content: string): void {
    this.upsertTextStmt.run(id, content);
  }

  upsertState(id: string, stateJson: string): void {
    this.upsertStateStmt.run(id, stateJson);
  }

  upsertParty(kind: PartyKind, partyId: string, row: SuggestionListValues): void {
    this.upsertPartyStmt.run(kind, partyId, row.id, row.status, row.dueSort, row.submittedAt, row.keySupervised);
  }

  /** Moves one suggestion between status counts; a count that reaches zero disappears. */
  countStatus(from: string | null, to: string): void {
    if (from === to) return;
    if (from !== null) {
      this.addToCountStmt.run(from, -1);
      this.dropZeroCountStmt.run(from);
    }
    this.addToCountStmt.run(to, 1);
  }

  load(id: string): StoredSuggestion | undefined {
    return this.loadStmt.get(id);
  }
}
