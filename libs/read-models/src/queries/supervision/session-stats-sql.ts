import { HANDLING_STAT_COLUMNS } from '../../projection/supervision/stat-vector';

/**
 * A session's figures are read off its suggestions' rows (a session is a few hundred to a few
 * thousand suggestions, reached through the suggestions' session index), not off the statistics
 * buckets, which are kept per assignment day. Parameters: now, sessionId.
 */
export const SESSION_HANDLINGS_SQL = `
  SELECT h.unit_id, ${HANDLING_STAT_COLUMNS.map((c) => `sum(h.${c}) AS ${c}`).join(', ')},
         count(CASE WHEN h.open_due IS NOT NULL AND h.open_due < ? THEN 1 END) AS overdue_answers
    FROM suggestions s JOIN unit_handlings h ON h.suggestion_id = s.id
   WHERE s.session_id = ? GROUP BY h.unit_id`;

/** Parameters: now, sessionId. */
export const SESSION_COMMITMENTS_SQL = `
  SELECT c.unit_id, count(*) AS commitments_made, count(c.fulfilled_at) AS commitments_fulfilled,
         count(CASE WHEN c.fulfilled_at IS NULL AND c.due_at < ? THEN 1 END) AS overdue_commitments
    FROM suggestions s JOIN commitments c ON c.suggestion_id = s.id
   WHERE s.session_id = ? GROUP BY c.unit_id`;

/** Parameter: sessionId. */
export const SESSION_STATUS_SQL = `SELECT status, count(*) AS n FROM suggestions WHERE session_id = ? GROUP BY status`;

/** Parameter: sessionId. */
export const SESSION_ASSIGNED_SUGGESTIONS_SQL = `
  SELECT count(*) FROM suggestions s
   WHERE s.session_id = ? AND EXISTS (SELECT 1 FROM unit_handlings h WHERE h.suggestion_id = s.id AND h.assigned = 1)`;
