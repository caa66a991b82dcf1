import { useCallback, useEffect, useState } from 'react';
import type { User } from '../api/types';
import { useLiveRefresh } from '../live/live-context';
import { fetchUnreadCount, INBOX_CHANGED_EVENT } from '../pages/inbox/inbox-api';

export interface InboxCount {
  /** Unread messages in /api/inbox. */
  count: number;
}

/**
 * The header's badge: unread messages, refreshed when the live stream says something changed and
 * at once when this person marks messages read.
 */
export function useInboxCount(user: User): InboxCount | null {
  const [value, setValue] = useState<InboxCount | null>(null);

  const load = useCallback(async () => {
    try {
      setValue({ count: await fetchUnreadCount() });
    } catch {
      // A failed count keeps the header usable; the inbox page itself shows the error.
      setValue(null);
    }
  }, [user.id]);

  useEffect(() => {
    void load();
    const reload = () => void load();
    window.addEventListener(INBOX_CHANGED_EVENT, reload);
    return () => window.removeEventListener(INBOX_CHANGED_EVENT, reload);
  }, [load]);
  useLiveRefresh(() => void load());
  return value;
}
