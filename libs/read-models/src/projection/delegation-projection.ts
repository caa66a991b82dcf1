import { DELEGATION_STREAM_PREFIX, type DelegationEvent } from '@duban/domain';
import type { RecordedEvent } from '@duban/event-store';
import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../schema/open-read-model';

/** Delegations (代表团) for the list, the pickers and the user form; written without reading back. */
export class DelegationProjection {
  private readonly upsertStmt: Statement;

  constructor(db: ReadModelDatabase) {
    this.upsertStmt = db.prepare(`
      INSERT INTO delegations (id, name, head_deputy_id) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, head_deputy_id = excluded.head_deputy_id`);
  }

  apply(recorded: RecordedEvent): void {
    const event = { type: recorded.type, data: recorded.data } as DelegationEvent;
    if (event.type === 'DelegationRegistered') this.upsertStmt.run(event.data.delegationId, event.data.name, event.data.headDeputyId ?? null);
  }

  static handles(streamId: string): boolean {
    return streamId.startsWith(DELEGATION_STREAM_PREFIX);
  }
}
