import type { Statement } from 'better-sqlite3';
import type { Position } from '@duban/event-store';
import type { ReadModelDatabase } from '../schema/open-read-model';

export interface SuggestionRowValues {
  id: string;
  title: string;
  content: string;
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
  stateJson: string;
}

export interface StoredSuggestion {
  title: string;
  content: string;
  revision: number;
  stateJson: string;
}

export interface StoredCheckpoint {
  position: Position;
  eventsApplied: number;
}

export type PartyKind = 'deputy' | 'unit';

const CHECKPOINT_NAME = 'read-models';

/** Timeline rows per INSERT: one statement for many rows saves most of the per-call cost in a rebuild. */
const TIMELINE_CHUNK = 64;
const TIMELINE_COLUMNS = 6;
const TIMELINE_INSERT = `INSERT INTO timeline (suggestion_id, revision, type, occurred_at, actor_json, data_json) VALUES `;

/** Every write the projection makes, as statements prepared once. */
export class ReadModelWriter {
  private readonly upsertSuggestionStmt: Statement;
  private readonly insertPartyStmt: Statement;
  private readonly insertTimelineStmt: Statement;
  private readonly insertTimelineChunkStmt: Statement;
  /** Timeline values not inserted yet; flushPending() writes them, always before the commit. */
  private pendingTimeline: (string | number)[] = [];
  private readonly upsertUserStmt: Statement;
  private readonly upsertUnitStmt: Statement;
  private readonly saveCheckpointStmt: Statement;
  private readonly loadSuggestionStmt: Statement<[string], StoredSuggestion>;
  private readonly loadCheckpointStmt: Statement<[string], { c: string; p: string; n: number }>;

  constructor(db: ReadModelDatabase) {
    this.upsertSuggestionStmt = db.prepare(`
      INSERT INTO suggestions (id, title, content, status, lead_deputy_id, unit_ids, due_at, due_sort, key_supervised,
                               revision, submitted_at, updated_at, state_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        title = excluded.title, content = excluded.content, status = excluded.status,
        lead_deputy_id = excluded.lead_deputy_id, unit_ids = excluded.unit_ids, due_at = excluded.due_at, due_sort = excluded.due_sort,
        key_supervised = excluded.key_supervised, revision = excluded.revision,
        submitted_at = excluded.submitted_at, updated_at = excluded.updated_at, state_json = excluded.state_json`);
    this.insertPartyStmt = db.prepare(
      `INSERT OR IGNORE INTO parties (kind, party_id, suggestion_id) VALUES (?, ?, ?)`,
    );
    this.insertTimelineStmt = db.prepare(`${TIMELINE_INSERT}(?, ?, ?, ?, ?, ?)`);
    this.insertTimelineChunkStmt = db.prepare(
      TIMELINE_INSERT + Array.from({ length: TIMELINE_CHUNK }, () => '(?, ?, ?, ?, ?, ?)').join(', '),
    );
    this.upsertUserStmt = db.prepare(`
      INSERT INTO users (id, display_name, role, unit_id) VALUES (?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, unit_id = excluded.unit_id`);
    this.upsertUnitStmt = db.prepare(
      `INSERT INTO units (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name`,
    );
    this.saveCheckpointStmt = db.prepare(`
      INSERT INTO checkpoints (name, commit_position, prepare_position, events_applied) VALUES (?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET commit_position = excluded.commit_position,
        prepare_position = excluded.prepare_position, events_applied = excluded.events_applied`);
    this.loadSuggestionStmt = db.prepare(
      `SELECT title, content, revision, state_json AS stateJson FROM suggestions WHERE id = ?`,
    );
    this.loadCheckpointStmt = db.prepare(
      `SELECT commit_position AS c, prepare_position AS p, events_applied AS n FROM checkpoints WHERE name = ?`,
    );
  }

  upsertSuggestion(row: SuggestionRowValues): void {
    // Positional: binding by name costs a lookup per column, and a rebuild writes 100k rows.
    this.upsertSuggestionStmt.run(
      row.id,
      row.title,
      row.content,
      row.status,
      row.leadDeputyId,
      row.unitIdsJson,
      row.dueAt,
      row.dueSort,
      row.keySupervised,
      row.revision,
      row.submittedAt,
      row.updatedAt,
      row.stateJson,
    );
  }

  insertParty(kind: PartyKind, partyId: string, suggestionId: string): void {
    this.insertPartyStmt.run(kind, partyId, suggestionId);
  }

  insertTimeline(
    suggestionId: string,
    revision: number,
    type: string,
    occurredAt: string,
    actorJson: string,
    dataJson: string,
  ): void {
    const pending = this.pendingTimeline;
    pending.push(suggestionId, revision, type, occurredAt, actorJson, dataJson);
    if (pending.length === TIMELINE_CHUNK * TIMELINE_COLUMNS) {
      this.insertTimelineChunkStmt.run(pending);
      this.pendingTimeline = [];
    }
  }

  /** Writes rows held back for a multi-row insert. Must run inside the transaction that commits them. */
  flushPending(): void {
    const pending = this.pendingTimeline;
    for (let i = 0; i < pending.length; i += TIMELINE_COLUMNS) {
      this.insertTimelineStmt.run(pending.slice(i, i + TIMELINE_COLUMNS));
    }
    this.pendingTimeline = [];
  }

  /** After a rollback: rows held back belong to the failed batch. */
  discardPending(): void {
    this.pendingTimeline = [];
  }

  upsertUser(id: string, displayName: string, role: string, unitId: string | null): void {
    this.upsertUserStmt.run(id, displayName, role, unitId);
  }

  upsertUnit(id: string, name: string): void {
    this.upsertUnitStmt.run(id, name);
  }

  saveCheckpoint(position: Position, eventsApplied: number): void {
    this.saveCheckpointStmt.run(CHECKPOINT_NAME, position.commit.toString(), position.prepare.toString(), eventsApplied);
  }

  loadSuggestion(id: string): StoredSuggestion | undefined {
    return this.loadSuggestionStmt.get(id);
  }

  loadCheckpoint(): StoredCheckpoint | null {
    const row = this.loadCheckpointStmt.get(CHECKPOINT_NAME);
    if (!row) return null;
    return { position: { commit: BigInt(row.c), prepare: BigInt(row.p) }, eventsApplied: row.n };
  }
}
