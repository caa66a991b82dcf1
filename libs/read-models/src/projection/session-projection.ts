import { SESSION_STREAM_PREFIX, type SessionEvent } from '@duban/domain';
import type { RecordedEvent } from '@duban/event-store';
import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../schema/open-read-model';

/**
 * Sessions (届次/会次) as the session list, the pickers and the default session of a submission read
 * them. Written without reading rows back: a rebuild replays the writes on another thread.
 */
export class SessionProjection {
  private readonly openStmt: Statement;
  private readonly closeStmt: Statement;
  private readonly assignOnStmt: Statement;

  constructor(db: ReadModelDatabase) {
    this.openStmt = db.prepare(`
      INSERT INTO sessions (id, name, kind, starts_on, ends_on, closed) VALUES (?, ?, ?, ?, ?, 0)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, starts_on = excluded.starts_on, ends_on = excluded.ends_on`);
    this.closeStmt = db.prepare(`UPDATE sessions SET closed = 1 WHERE id = ?`);
    this.assignOnStmt = db.prepare(`UPDATE sessions SET assign_on = ? WHERE id = ?`);
  }

  apply(recorded: RecordedEvent): void {
    const event = { type: recorded.type, data: recorded.data } as SessionEvent;
    switch (event.type) {
      case 'SessionOpened':
        this.openStmt.run(event.data.sessionId, event.data.name, event.data.kind, event.data.startsOn, event.data.endsOn ?? null);
        return;
      case 'SessionClosed':
        this.closeStmt.run(event.data.sessionId);
        return;
      case 'SessionAssignmentDateSet':
        this.assignOnStmt.run(event.data.assignOn, event.data.sessionId);
        return;
      default:
        // A session event this code does not know yet changes nothing it shows.
        return;
    }
  }

  static handles(streamId: string): boolean {
    return streamId.startsWith(SESSION_STREAM_PREFIX);
  }
}
