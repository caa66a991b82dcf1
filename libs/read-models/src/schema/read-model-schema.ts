/**
 * The read model's tables. Everything here is derived from the events and can be rebuilt at any
 * time, so the schema carries a version: bump it whenever the tables OR the projection logic
 * change, and every projector that opens an older database drops it and replays from the start.
 */
export const READ_MODEL_SCHEMA_VERSION = 1;

/** Tables in the order they are created; dropped in reverse. */
export const READ_MODEL_TABLES = ['suggestions', 'parties', 'timeline', 'users', 'units', 'checkpoints'] as const;
export type ReadModelTable = (typeof READ_MODEL_TABLES)[number];

/**
 * Tables without their secondary indexes. A rebuild loads rows first and builds the indexes once
 * at the end (sorting once is much cheaper than keeping 1M index entries ordered row by row).
 */
export const READ_MODEL_TABLES_DDL = `
-- One row per suggestion: the list columns, and the folded state for the detail.
-- Instants are ISO-8601 UTC with milliseconds (Date#toISOString), so text order is time order.
-- title and content live in their own columns (searched by q) and are left out of state_json.
CREATE TABLE suggestions (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  status TEXT NOT NULL,
  lead_deputy_id TEXT NOT NULL,
  unit_ids TEXT NOT NULL,
  due_at TEXT,
  -- due_at, or NO_DUE_SORT_KEY when nothing is due: SQLite indexes cannot sort nulls last,
  -- and with a plain column one index serves both the order and "due before now".
  due_sort TEXT NOT NULL,
  key_supervised INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  submitted_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  state_json TEXT NOT NULL
);

-- Who may see a suggestion: kind 'deputy' (lead or co-signer) or 'unit' (any unit ever assigned).
-- Rows are only ever added: a unit that was assigned once keeps seeing what it worked on.
CREATE TABLE parties (
  kind TEXT NOT NULL,
  party_id TEXT NOT NULL,
  suggestion_id TEXT NOT NULL,
  PRIMARY KEY (kind, party_id, suggestion_id)
) WITHOUT ROWID;

-- Every suggestion event in stream order; the rowid follows the global order of application.
CREATE TABLE timeline (
  suggestion_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  type TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  actor_json TEXT NOT NULL,
  data_json TEXT NOT NULL
);

-- Never the password hash: login reads the user stream itself.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  unit_id TEXT
);

CREATE TABLE units (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

-- Positions as decimal text: EventStoreDB positions may not fit a signed 64-bit integer.
CREATE TABLE checkpoints (
  name TEXT PRIMARY KEY,
  commit_position TEXT NOT NULL,
  prepare_position TEXT NOT NULL,
  events_applied INTEGER NOT NULL
);
`;

/** Sorts after every real instant, so "nothing due" comes last and is never before now. */
export const NO_DUE_SORT_KEY = '9999-12-31T23:59:59.999Z';

/**
 * The list is sorted by due time (nothing due last), then newest first, then id (a stable page
 * order). Each index below ends in that order so a page of 20 is read straight off an index.
 */
export const READ_MODEL_INDEXES_DDL = `
CREATE INDEX suggestions_by_due ON suggestions (due_sort, submitted_at DESC, id);
CREATE INDEX suggestions_by_status_due ON suggestions (status, due_sort, submitted_at DESC, id);
CREATE INDEX suggestions_key_by_due ON suggestions (due_sort, submitted_at DESC, id) WHERE key_supervised = 1;
CREATE UNIQUE INDEX timeline_by_suggestion ON timeline (suggestion_id, revision);
CREATE INDEX users_by_role ON users (role, id);
`;
