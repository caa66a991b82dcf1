import { SessionKind } from './events';

export interface OpenedSession {
  sessionId: string;
  name: string;
  kind: SessionKind;
  startsOn: string;
  endsOn?: string;
  /** Only congress sessions have one. */
  assignOn?: string;
  closed: boolean;
  openedAt: string;
  closedAt?: string;
}

export type SessionState = { status: 'none' } | ({ status: 'opened' } & OpenedSession);
