import Database from 'better-sqlite3';
import { READ_MODEL_TABLES } from '../schema/read-model-schema';

/** Every row of every read-model table in a stable order; JSON columns parsed (key order is not meaning). */
export function dumpReadModel(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const dump: Record<string, unknown[]> = {};
    for (const table of READ_MODEL_TABLES) {
      const rows = db.prepare(`SELECT * FROM ${table} ORDER BY ${ORDER[table]}`).all() as Record<string, unknown>[];
      dump[table] = rows.map((row) => {
        const copy: Record<string, unknown> = { ...row };
        for (const key of Object.keys(copy)) if (key.endsWith('_json') || key === 'unit_ids') copy[key] = JSON.parse(String(copy[key]));
        return copy;
      });
    }
    return dump;
  } finally {
    db.close();
  }
}

const ORDER: Record<(typeof READ_MODEL_TABLES)[number], string> = {
  suggestions: 'id',
  suggestion_texts: 'id',
  suggestion_states: 'id',
  status_counts: 'status',
  parties: 'kind, party_id, suggestion_id',
  users: 'id',
  units: 'id',
  sessions: 'id',
  delegations: 'id',
  unit_handlings: 'suggestion_id, seq, unit_id',
  commitments: 'suggestion_id, commitment_id',
  unit_stat_buckets: 'kind, bucket, unit_id',
  open_commitment_buckets: 'kind, bucket, unit_id, due_month',
  key_suggestions: 'id',
  wake_ups: 'id',
  published_suggestions: 'id',
  notifications: 'seq',
  notification_counts: 'audience',
  notification_reads: 'user_id, notification_id',
  parked_events: 'stream_id, revision',
  routing_evidence: 'suggestion_id, unit_id',
  notification_read_counts: 'user_id, audience',
  checkpoints: 'name',
};
