import { LEGACY_SESSION_ID } from '../session/events';

/**
 * The one place where an event written under an older schema is brought up to the shape the
 * current code folds. Both sides read stored events through it: the command side before `evolve`,
 * the projection before it updates its rows. Events carry `metadata.schemaVersion`; a change of an
 * event's data adds its step here (from version n to n+1) instead of branching inside `evolve`.
 * Stored events are never rewritten: they are lifted each time they are read.
 */

/** The version this code writes and folds. New events are stamped with it. */
export const CURRENT_EVENT_SCHEMA_VERSION = 2;

/** What the seam needs of a stored event; the event store's RecordedEvent fits. */
export interface VersionedEvent {
  type: string;
  data: unknown;
  metadata: { schemaVersion: number };
}

/** Raised for an event written by a newer version of the code: folding it could lose its meaning. */
export class UnknownSchemaVersionError extends Error {
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
  ) {
    super(`event ${eventType} has schemaVersion ${schemaVersion}, newer than ${CURRENT_EVENT_SCHEMA_VERSION} that this code reads`);
    this.name = 'UnknownSchemaVersionError';
  }
}

/** One step: rewrites an event of `from` to `from + 1`, keyed by event type. */
type UpcastStep = (event: VersionedEvent) => VersionedEvent;
const STEPS: ReadonlyArray<Readonly<Record<string, UpcastStep>>> = [
  // 1 → 2: every suggestion belongs to a session; those submitted before sessions existed belong to the legacy one.
  {
    SuggestionSubmitted: (event) => {
      const data = event.data as Record<string, unknown>;
      return typeof data.sessionId === 'string' ? event : { ...event, data: { ...data, sessionId: LEGACY_SESSION_ID } };
    },
  },
];

/**
 * The event as the current code reads it. The same object when already current (identity today),
 * so the read path pays nothing; events without a version (written before it was stamped) count as 1.
 */
export function upcast<E extends VersionedEvent>(recorded: E): E {
  const version = typeof recorded.metadata?.schemaVersion === 'number' ? recorded.metadata.schemaVersion : 1;
  if (version === CURRENT_EVENT_SCHEMA_VERSION) return recorded;
  if (version > CURRENT_EVENT_SCHEMA_VERSION) throw new UnknownSchemaVersionError(recorded.type, version);
  let event: VersionedEvent = recorded;
  for (let from = version; from < CURRENT_EVENT_SCHEMA_VERSION; from++) {
    const step = STEPS[from - 1]?.[event.type];
    const next = step ? step(event) : event;
    event = { ...next, metadata: { ...next.metadata, schemaVersion: from + 1 } };
  }
  return { ...recorded, type: event.type, data: event.data, metadata: { ...recorded.metadata, schemaVersion: CURRENT_EVENT_SCHEMA_VERSION } };
}
