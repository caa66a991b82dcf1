import type { ReadModelDatabase } from '../schema/open-read-model';

/** What the api needs at start to refuse ended sessions of one user. */
export interface AccountSessionRow {
  userId: string;
  active: boolean;
  /** Revision of the user stream's latest session-ending event, -1 when there is none. */
  sessionsValidFrom: number;
  /** Signed-out tokens, until they expire anyway. */
  endedSessions: { jti: string; expiresAt: string }[];
}

/** Only users with something to refuse: a service with many users loads a few rows. */
export function readAccountSessions(db: ReadModelDatabase): AccountSessionRow[] {
  const rows = db
    .prepare(
      `SELECT id, active, sessions_valid_from, ended_sessions_json FROM users
        WHERE active = 0 OR sessions_valid_from >= 0 OR ended_sessions_json <> '[]'`,
    )
    .all() as { id: string; active: number; sessions_valid_from: number; ended_sessions_json: string }[];
  return rows.map((row) => ({
    userId: row.id,
    active: row.active === 1,
    sessionsValidFrom: row.sessions_valid_from,
    endedSessions: JSON.parse(row.ended_sessions_json) as AccountSessionRow['endedSessions'],
  }));
}
