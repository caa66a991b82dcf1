import Database from 'better-sqlite3';

/**
 * The S4 anchor: read every row of the event table in order and JSON-parse its data and
 * metadata, nothing else. What a rebuild cannot avoid doing; the product must stay near it.
 */
export function plainReadAll(eventsPath: string): { rows: number; checksum: number } {
  const db = new Database(eventsPath, { readonly: true });
  try {
    let rows = 0;
    let checksum = 0;
    const stmt = db.prepare<[], { position: number; stream_id: string; revision: number; type: string; data: string; metadata: string }>(
      'SELECT position, stream_id, revision, type, data, metadata FROM events ORDER BY position',
    );
    for (const row of stmt.iterate()) {
      const data = JSON.parse(row.data) as unknown;
      const metadata = JSON.parse(row.metadata) as { occurredAt?: string };
      // Touch the parsed values so the work cannot be optimised away.
      if (data !== null && metadata.occurredAt !== undefined) checksum += row.revision;
      rows += 1;
    }
    return { rows, checksum };
  } finally {
    db.close();
  }
}
