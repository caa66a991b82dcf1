/**
 * A session (届次/会次) of the congress or the recess after it: every suggestion belongs to one, and
 * numbers, statistics and reports run per session. Stream `session-<sessionId>`.
 */
export type SessionKind = 'congress' | 'recess';
export const SESSION_KINDS: readonly SessionKind[] = ['congress', 'recess'];

export type SessionEvent =
  | { type: 'SessionOpened'; data: { sessionId: string; name: string; kind: SessionKind; startsOn: string; endsOn?: string } }
  | { type: 'SessionClosed'; data: { sessionId: string } }
  /** 交办日期: the day a congress session's suggestions are handed to the units together. */
  | { type: 'SessionAssignmentDateSet'; data: { sessionId: string; assignOn: string } };

export type SessionEventType = SessionEvent['type'];

export const SESSION_STREAM_PREFIX = 'session-';
export const sessionStreamId = (sessionId: string): string => `${SESSION_STREAM_PREFIX}${sessionId}`;

/**
 * Suggestions made before sessions existed, and those submitted while no session has been opened,
 * belong to this one: never stored as a stream, always listed.
 */
export const LEGACY_SESSION_ID = 'legacy';
export const LEGACY_SESSION_NAME = '未分会次';
