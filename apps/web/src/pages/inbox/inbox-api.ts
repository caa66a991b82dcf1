import { request } from '../../api/client';
import { afterParam, rememberPosition } from '../../api/read-your-writes';
import type { Inbox } from '../../api/supervision-types';

export const INBOX_PAGE_SIZE = 20;

// `after`: read marks are events too, so a page read right after marking waits for them.
export const fetchInboxPage = (page: number): Promise<Inbox> =>
  request<Inbox>('/api/inbox', { query: { page, pageSize: INBOX_PAGE_SIZE, after: afterParam() } });

export const fetchUnreadCount = async (): Promise<number> =>
  (await request<Inbox>('/api/inbox', { query: { pageSize: 1, after: afterParam() } })).unread;

interface MarkReadOutcome {
  ids: string[];
  /** Null when there was nothing to mark. */
  position: string | null;
}

export async function markOneRead(id: string): Promise<MarkReadOutcome> {
  const outcome = await request<MarkReadOutcome>(`/api/inbox/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} });
  rememberPosition(outcome.position);
  return outcome;
}

/** Marks every unread message read; `ids` is empty when there was nothing to mark. */
export async function markAllRead(): Promise<MarkReadOutcome> {
  const outcome = await request<MarkReadOutcome>('/api/inbox/read-all', { method: 'POST', body: {} });
  rememberPosition(outcome.position);
  return outcome;
}

/**
 * Said after this person's read marks change, so the header's count follows at once rather than
 * at the next live message.
 */
export const INBOX_CHANGED_EVENT = 'duban:inbox-changed';

export function announceInboxChanged(): void {
  window.dispatchEvent(new Event(INBOX_CHANGED_EVENT));
}
