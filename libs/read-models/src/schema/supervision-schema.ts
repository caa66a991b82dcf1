import { HANDLING_STAT_COLUMNS, STAT_COLUMNS } from '../projection/supervision/stat-vector';

const STAT_COLUMNS_DDL = STAT_COLUMNS.map((c) => `  ${c} INTEGER NOT NULL`).join(',\n');
const HANDLING_COLUMNS_DDL = HANDLING_STAT_COLUMNS.map((c) => `  ${c} INTEGER NOT NULL`).join(',\n');
const HANDLING_COLUMNS = HANDLING_STAT_COLUMNS.join(', ');

/**
 * The supervision tables: figures, the scheduler's wake-ups, the public view, notifications.
 * Unit statistics never read a state: `unit_stat_buckets` holds their counts per unit and per
 * assignment day, month, year and overall, so a period is a sum over a few dozen rows per unit;
 * the rows below it answer the partial days at a period's edges and what depends on `now`.
 */
export const SUPERVISION_TABLES_DDL = `
-- One row per unit per assignment of a suggestion (seq = 1 for the first assignment, 2 after an
-- approved return, …), with what it counts for and, while an answer is owed, its due time.
CREATE TABLE unit_handlings (
  suggestion_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  unit_id TEXT NOT NULL,
  role TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
${HANDLING_COLUMNS_DDL},
  open_due TEXT,
  PRIMARY KEY (suggestion_id, seq, unit_id)
) WITHOUT ROWID;

-- 承诺事项台账. assigned_at: the assignment the commitment was made under (the statistics' period).
CREATE TABLE commitments (
  suggestion_id TEXT NOT NULL,
  commitment_id TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  description TEXT NOT NULL,
  due_at TEXT NOT NULL,
  made_at TEXT NOT NULL,
  fulfilled_at TEXT,
  evidence TEXT,
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (suggestion_id, commitment_id)
) WITHOUT ROWID;

-- kind 'a' (bucket ''), 'y' (YYYY), 'm' (YYYY-MM), 'd' (YYYY-MM-DD) of the assignment day in
-- Asia/Shanghai; every handling and commitment counts in one bucket of each kind.
CREATE TABLE unit_stat_buckets (
  kind TEXT NOT NULL,
  bucket TEXT NOT NULL,
  unit_id TEXT NOT NULL,
${STAT_COLUMNS_DDL},
  PRIMARY KEY (kind, bucket, unit_id)
) WITHOUT ROWID;

-- Unfulfilled commitments per assignment bucket (as above) and due month (the Beijing month of the
-- due instant): "overdue at now" = the due months before now's month, plus rows due earlier this month.
CREATE TABLE open_commitment_buckets (
  kind TEXT NOT NULL,
  bucket TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  due_month TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (kind, bucket, unit_id, due_month)
) WITHOUT ROWID;

CREATE TABLE key_suggestions (
  id TEXT PRIMARY KEY,
  supervisor_id TEXT NOT NULL,
  leader_name TEXT,
  urge_count INTEGER NOT NULL,
  escalated INTEGER NOT NULL,
  started_at TEXT NOT NULL
) WITHOUT ROWID;

-- When the scheduler must next run RecordDeadlines for a suggestion (no row: nothing pending).
CREATE TABLE wake_ups (
  id TEXT PRIMARY KEY,
  wake_at TEXT NOT NULL
) WITHOUT ROWID;

-- The domain's public view of each published suggestion; no row for the rest (or the exempt).
CREATE TABLE published_suggestions (
  id TEXT PRIMARY KEY,
  published_at TEXT NOT NULL,
  title TEXT NOT NULL,
  view_json TEXT NOT NULL
) WITHOUT ROWID;

-- seq follows the order the events were applied: newest first is seq descending. The id
-- (<suggestion_id>@<revision>@<audience>) is not stored: a rebuild writes hundreds of thousands
-- of these. occurred_at is the causing event's time.
CREATE TABLE notifications (
  seq INTEGER PRIMARY KEY,
  audience TEXT NOT NULL,
  suggestion_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  occurred_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  message TEXT NOT NULL
);

CREATE TABLE notification_counts (
  audience TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) WITHOUT ROWID;

-- Read marks (from the inbox streams), with the audience the id names, counted per person.
CREATE TABLE notification_reads (
  user_id TEXT NOT NULL,
  notification_id TEXT NOT NULL,
  audience TEXT NOT NULL,
  PRIMARY KEY (user_id, notification_id)
) WITHOUT ROWID;

CREATE TABLE notification_read_counts (
  user_id TEXT NOT NULL,
  audience TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (user_id, audience)
) WITHOUT ROWID;
`;

/** notifications_by_audience is among the event log's indexes (read-model-schema.ts). */
export const SUPERVISION_INDEXES_DDL = `
-- Covers the counted columns: the partial days at a period's edges are summed off the index alone.
CREATE INDEX unit_handlings_by_assigned ON unit_handlings (assigned_at, unit_id, ${HANDLING_COLUMNS});
CREATE INDEX unit_handlings_open_by_due ON unit_handlings (open_due, unit_id, assigned_at) WHERE open_due IS NOT NULL;
CREATE INDEX commitments_by_due ON commitments (due_at, suggestion_id, commitment_id);
CREATE INDEX commitments_by_unit_due ON commitments (unit_id, due_at, suggestion_id, commitment_id);
CREATE INDEX commitments_open_by_due ON commitments (due_at, unit_id, assigned_at, fulfilled_at) WHERE fulfilled_at IS NULL;
CREATE INDEX commitments_by_assigned ON commitments (assigned_at, unit_id, fulfilled_at, due_at);
CREATE INDEX wake_ups_by_time ON wake_ups (wake_at, id);
-- The overview of a span counts the suggestions submitted in it, per status, off this index alone.
CREATE INDEX suggestions_by_submitted ON suggestions (submitted_at, status);
CREATE INDEX published_by_time ON published_suggestions (published_at DESC, id);
`;
