import { SUPERVISION_INDEXES_DDL, SUPERVISION_TABLES_DDL } from './supervision-schema';

/**
 * The read model's tables. Everything here is derived from the events and can be rebuilt at any
 * time, so the schema carries a version: bump it whenever the tables, the projection logic OR the
 * shape of the domain's folded state change (state_json holds that state), and every projector
 * that opens an older database drops it and replays from the start.
 *
 * 2: the domain's state gained obligationLog, disclosure and groups.
 * 3: narrow list rows, details apart, parties carry the list's sort keys, status counts.
 * 4: supervision (unit handlings, commitments, statistics buckets, key suggestions), scheduler
 *    wake-ups, published suggestions, notifications and read marks (inbox streams).
 * 5: the domain's state keeps a compact deadlineLog instead of obligationLog; notifications keep
 *    (suggestion, revision) instead of their id and time; covering indexes for the statistics.
 * 6: no timeline table (a suggestion's timeline is its stream, read from the store);
 *    notifications keep their time.
 * 7: parked_events (events held back because their stream could not be projected).
 *    users carry what sessions need: active, sessions_valid_from, ended_sessions_json.
 * 8: deputies are told each step of their suggestion (立案, 不予立案, 交办, returns, extensions,
 *    re-handling; co-signers that they were added), a dissatisfied rating tells the unit once,
 *    dates read 2026年3月16日; inboxes are ordered by the event's time (index on occurred_at).
 * 9: sessions (届次/会次) and delegations (代表团); suggestions carry their session, number and
 *    delegation; users their delegation.
 * 10: a unit that had not answered under an assignment ended by a return is no longer counted as
 *    assigned to it; suggestions_by_submitted for the overview of a span.
 * 11: routing_evidence (where each suggestion went and which units handed it back, for 智能交办).
 * 12: users carry a deputy's phone; units can be renamed, users moved to another delegation or unit.
 * 13: cat_e in the statistics (河南's fifth answer class); staff are told of a dissatisfied rating
 *    that waits for their re-handling decision, and owers of the due times a notice recomputed.
 */
export const READ_MODEL_SCHEMA_VERSION = 13;

/** Tables in the order they are created. */
export const READ_MODEL_TABLES = [
  'suggestions',
  'suggestion_texts',
  'suggestion_states',
  'parties',
  'status_counts',
  'users',
  'units',
  'sessions',
  'delegations',
  'unit_handlings',
  'commitments',
  'unit_stat_buckets',
  'open_commitment_buckets',
  'key_suggestions',
  'wake_ups',
  'published_suggestions',
  'notifications',
  'notification_counts',
  'notification_reads',
  'notification_read_counts',
  'parked_events',
  'routing_evidence',
  'checkpoints',
] as const;
export type ReadModelTable = (typeof READ_MODEL_TABLES)[number];

/** Sorts after every real instant, so "nothing due" comes last and is never before now. */
export const NO_DUE_SORT_KEY = '9999-12-31T23:59:59.999Z';

/**
 * Tables without their secondary indexes. A rebuild loads rows first and builds the indexes once
 * at the end (sorting once is much cheaper than keeping 1M index entries ordered row by row).
 * Instants are ISO-8601 UTC with milliseconds (Date#toISOString), so text order is time order.
 */
export const READ_MODEL_TABLES_DDL = `
-- One narrow row per suggestion: only what the list shows, filters and sorts by, so a page,
-- a count or a unit's suggestions touch small rows. due_sort is due_at, or NO_DUE_SORT_KEY when
-- nothing is due: SQLite indexes cannot sort nulls last, and with a plain column one index
-- serves both the order and "due before now".
CREATE TABLE suggestions (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  status TEXT NOT NULL,
  lead_deputy_id TEXT NOT NULL,
  unit_ids TEXT NOT NULL,
  due_at TEXT,
  due_sort TEXT NOT NULL,
  key_supervised INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  submitted_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- The session (届次/会次) it belongs to, its 第N号 once registered (立案), its delegation (代表团).
  session_id TEXT NOT NULL,
  number INTEGER,
  delegation_id TEXT
) WITHOUT ROWID;

-- The long parts, each in its own table so that a scan for q reads the contents only.
CREATE TABLE suggestion_texts (
  id TEXT PRIMARY KEY,
  content TEXT NOT NULL
);

-- The folded state for the detail; state_json leaves out title and content (stored above).
CREATE TABLE suggestion_states (
  id TEXT PRIMARY KEY,
  state_json TEXT NOT NULL
);

-- Who may see a suggestion: kind 'deputy' (lead or co-signer) or 'unit' (any unit ever assigned;
-- rows are never removed, a unit keeps seeing what it worked on). Each row repeats the list's
-- filter and sort columns, so a deputy's or a unit's page and total come off one index range.
CREATE TABLE parties (
  kind TEXT NOT NULL,
  party_id TEXT NOT NULL,
  suggestion_id TEXT NOT NULL,
  status TEXT NOT NULL,
  due_sort TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  key_supervised INTEGER NOT NULL,
  PRIMARY KEY (kind, party_id, suggestion_id)
) WITHOUT ROWID;

-- Suggestions per status, so the unfiltered and by-status totals cost nothing. No zero rows.
CREATE TABLE status_counts (
  status TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) WITHOUT ROWID;

-- Never the password hash: login reads the user stream itself.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  unit_id TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  -- Revision of the user stream's latest session-ending event (-1: none); older tokens are refused.
  sessions_valid_from INTEGER NOT NULL DEFAULT -1,
  -- Signed-out sessions not expired yet: [{"jti", "expiresAt"}].
  ended_sessions_json TEXT NOT NULL DEFAULT '[]',
  -- A deputy's delegation (代表团).
  delegation_id TEXT,
  -- A deputy's phone number: only staff, admins and the units handling their suggestions are shown it.
  phone TEXT
);

CREATE TABLE units (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

-- Sessions of the congress (届次/会次) and the recesses after them; dates are local (YYYY-MM-DD).
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  assign_on TEXT,
  closed INTEGER NOT NULL DEFAULT 0
);

-- Delegations (代表团) and their heads, who rate the delegation's own suggestions.
CREATE TABLE delegations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  head_deputy_id TEXT
);

${SUPERVISION_TABLES_DDL}
-- Events held back: the first one the projection could not apply and every later one of its
-- stream (the stream's rows stay as they were before it), so one bad event never stops the rest.
-- first_failed_at is wall-clock time, for operators; positions as decimal text (below).
CREATE TABLE parked_events (
  stream_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  commit_position TEXT NOT NULL,
  prepare_position TEXT NOT NULL,
  type TEXT NOT NULL,
  error TEXT NOT NULL,
  first_failed_at TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  PRIMARY KEY (stream_id, revision)
) WITHOUT ROWID;

-- 智能交办's evidence: the units each suggestion was handed to (role: sole, lead, co, separate) and
-- those that handed it back (outcome 'returned' for an approved 退回, 'transferred' for 转办), with
-- the unit's latest answer category. An assignment ended by a return leaves only the returning
-- unit's row; the next assignment writes its own.
CREATE TABLE routing_evidence (
  suggestion_id TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  role TEXT NOT NULL,
  outcome TEXT NOT NULL,
  answer_category TEXT,
  PRIMARY KEY (suggestion_id, unit_id)
) WITHOUT ROWID;

-- Positions as decimal text: EventStoreDB positions may not fit a signed 64-bit integer.
CREATE TABLE checkpoints (
  name TEXT PRIMARY KEY,
  commit_position TEXT NOT NULL,
  prepare_position TEXT NOT NULL,
  events_applied INTEGER NOT NULL
);
`;

/**
 * The list is sorted by due time (nothing due last), then newest first, then id (a stable page
 * order). Each index below ends in that order so a page of 20 is read straight off an index.
 */
const STATE_INDEXES_DDL = `
CREATE INDEX suggestions_by_due ON suggestions (due_sort, submitted_at DESC, id);
CREATE INDEX suggestions_by_status_due ON suggestions (status, due_sort, submitted_at DESC, id);
CREATE INDEX suggestions_key_by_due ON suggestions (due_sort, submitted_at DESC, id) WHERE key_supervised = 1;
CREATE INDEX suggestions_by_session_due ON suggestions (session_id, due_sort, submitted_at DESC, id);
CREATE INDEX suggestions_by_session_number ON suggestions (session_id, number);
CREATE INDEX parties_by_due ON parties (kind, party_id, due_sort, submitted_at DESC, suggestion_id);
CREATE INDEX parties_by_status_due ON parties (kind, party_id, status, due_sort, submitted_at DESC, suggestion_id);
CREATE INDEX users_by_role ON users (role, id);
${SUPERVISION_INDEXES_DDL}`;

/**
 * Indexes of the tables that only ever get rows appended as events are applied (notifications):
 * complete once the last event is applied, so a rebuild builds them while the suggestion states
 * are still being written.
 */
export const EVENT_LOG_INDEXES_DDL = `
CREATE INDEX notifications_by_audience ON notifications (audience, occurred_at, seq);
`;

/** Every index: the service's file has them from the start, a rebuild builds them at the end. */
export const READ_MODEL_INDEXES_DDL = STATE_INDEXES_DDL + EVENT_LOG_INDEXES_DDL;

/** Every index but the event log's (for a bulk load that built those already). */
export const READ_MODEL_INDEXES_BUT_EVENT_LOG_DDL = STATE_INDEXES_DDL;
