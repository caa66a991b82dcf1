import { LEGACY_SESSION_ID } from './events';
import { OpenedSession } from './state';

/** What choosing a session needs to know of each one. */
export type SessionChoice = Pick<OpenedSession, 'sessionId' | 'kind' | 'startsOn' | 'endsOn' | 'closed'>;

const contains = (s: SessionChoice, today: string): boolean => s.startsOn <= today && (s.endsOn === undefined || today <= s.endsOn);

/**
 * The session a suggestion submitted `today` (local date) belongs to when none is named: the open
 * congress session whose dates contain today; else the open recess session that has begun and not
 * ended (the latest begun, if several); else the built-in legacy session.
 */
export function defaultSessionId(sessions: readonly SessionChoice[], today: string): string {
  const open = sessions.filter((s) => !s.closed && contains(s, today));
  const congress = open.filter((s) => s.kind === 'congress').sort(latestFirst)[0];
  if (congress) return congress.sessionId;
  const recess = open.filter((s) => s.kind === 'recess').sort(latestFirst)[0];
  return recess ? recess.sessionId : LEGACY_SESSION_ID;
}

function latestFirst(a: SessionChoice, b: SessionChoice): number {
  return a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : a.sessionId < b.sessionId ? -1 : 1;
}
