import { SessionKind } from './events';

/** What staff ask of a session (stream `session-<sessionId>`). Dates are local dates (YYYY-MM-DD, Asia/Shanghai). */
export type SessionCommand =
  | { type: 'OpenSession'; data: { sessionId: string; name: string; kind: SessionKind; startsOn: string; endsOn?: string } }
  | { type: 'CloseSession'; data: Record<string, never> }
  | { type: 'SetAssignmentDate'; data: { assignOn: string } };
