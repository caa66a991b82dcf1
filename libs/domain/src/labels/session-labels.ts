import type { SessionEventType, SessionKind } from '../session/events';

/** A session's kind as pages and sheets name it. */
export const SESSION_KIND_LABELS: Readonly<Record<SessionKind, string>> = {
  congress: '大会期间',
  recess: '闭会期间',
};

/** What happened to a session. */
export const SESSION_EVENT_LABELS: Readonly<Record<SessionEventType, string>> = {
  SessionOpened: '新建会次',
  SessionClosed: '结束会次',
  SessionAssignmentDateSet: '设定交办日期',
};

/**
 * 第0123号: a suggestion's number within its session as every page, sheet and message shows it
 * (four digits at least, so lists line up; larger numbers keep all their digits).
 */
export function formatSuggestionNumber(n: number): string {
  return `第${String(n).padStart(4, '0')}号`;
}
