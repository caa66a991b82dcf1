import Database from 'better-sqlite3';
import { SqliteEventStore, type Position, type RecordedEvent } from '@duban/event-store';
import type { LedgerEntry } from './crash-client';

const IDEMPOTENCY_MARKER_PREFIX = 'idempotency-';

export interface StoreVerdict {
  acknowledged: number;
  refused: number;
  /** Acknowledged commands whose event is missing, misplaced or not at the returned revision. */
  lost: string[];
  /** Commands whose events are stored more than once. */
  duplicated: string[];
  /** Refused commands that left an event anyway. */
  refusedWithEvents: string[];
  /** Suggestion events that no acknowledged command accounts for. */
  orphans: string[];
  replayedAfterCrash: number;
  events: number;
}

export async function readAllEvents(path: string): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore({ path });
  try {
    const events: RecordedEvent[] = [];
    let after: Position | undefined;
    for (;;) {
      const page = await store.readAll({ after, maxCount: 5000 });
      events.push(...page);
      if (page.length < 5000) return events;
      after = page[page.length - 1]!.position;
    }
  } finally {
    await store.close();
  }
}

/** Holds every acknowledged command to "exactly once, where and at the revision it said", and every refused one to "nothing". */
export function checkLedger(ledger: readonly LedgerEntry[], events: readonly RecordedEvent[]): StoreVerdict {
  const byCorrelation = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    // A key's marker records that the key was used (so its reuse with another body is refused on
    // any route); it is not the command's effect, which is what is counted here.
    if (event.streamId.startsWith(IDEMPOTENCY_MARKER_PREFIX)) continue;
    const list = byCorrelation.get(event.metadata.correlationId) ?? [];
    list.push(event);
    byCorrelation.set(event.metadata.correlationId, list);
  }
  const verdict: StoreVerdict = {
    acknowledged: 0,
    refused: 0,
    lost: [],
    duplicated: [],
    refusedWithEvents: [],
    orphans: [],
    replayedAfterCrash: 0,
    events: events.length,
  };
  const accounted = new Set<string>();
  for (const entry of ledger) {
    const stored = byCorrelation.get(entry.correlationId) ?? [];
    const label = `${entry.method} ${entry.path} (${entry.correlationId})`;
    if (entry.outcome === 'refused') {
      verdict.refused += 1;
      if (stored.length > 0) verdict.refusedWithEvents.push(`${label}: ${stored.length} event(s) after ${entry.status}`);
      continue;
    }
    if (entry.outcome !== 'acked') throw new Error(`command still pending at the end: ${label}`);
    verdict.acknowledged += 1;
    if (entry.replayed) verdict.replayedAfterCrash += 1;
    accounted.add(entry.correlationId);
    const ofType = entry.expectedEvent === null ? stored : stored.filter((e) => e.type === entry.expectedEvent);
    if (ofType.length === 0) {
      verdict.lost.push(`${label}: no ${entry.expectedEvent ?? 'event'} stored`);
      continue;
    }
    // 立案 also claims the suggestion's number in its session's `numbering-` stream: one claim per
    // suggestion, keyed by its id and reused by a retry, so it is not a second copy of the command.
    const own = stored.filter((e) => !e.streamId.startsWith('numbering-'));
    if (own.length > 1) verdict.duplicated.push(`${label}: ${own.length} events (${own.map((e) => `${e.streamId}@${e.revision}`).join(', ')})`);
    const event = ofType[ofType.length - 1]!;
    if (entry.streamId !== null && event.streamId !== entry.streamId) verdict.lost.push(`${label}: stored in ${event.streamId}, not ${entry.streamId}`);
    if (typeof entry.body?.revision === 'number' && Number(event.revision) !== entry.body.revision) {
      verdict.lost.push(`${label}: answered revision ${entry.body.revision}, stored at ${event.revision}`);
    }
  }
  for (const event of events) {
    // Events of automatic processes (actor `system`, e.g. deadline reminders) answer to no client.
    if (event.streamId.startsWith('suggestion-') && event.metadata.actor.role !== 'system' && !accounted.has(event.metadata.correlationId)) {
      verdict.orphans.push(`${event.streamId}@${event.revision} ${event.type} (${event.metadata.correlationId})`);
    }
  }
  return verdict;
}

export function integrityCheck(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}
