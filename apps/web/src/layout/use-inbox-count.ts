import { useCallback, useEffect, useState } from 'react';
import { fetchInbox } from '../api/supervision-api';
import type { User } from '../api/types';
import { useLiveRefresh } from '../live/live-context';

export interface InboxCount {
  /** Unread messages in /api/inbox. */
  count: number;
}

/** The header's badge: unread messages, refreshed when the live stream says something changed. */
export function useInboxCount(user: User): InboxCount | null {
  const [value, setValue] = useState<InboxCount | null>(null);

  const load = useCallback(async () => {
    try {
      const inbox = await fetchInbox();
      setValue({ count: inbox.unread });
    } catch {
      // A failed count keeps the header usable; the inbox page itself shows the error.
      setValue(null);
    }
  }, [user.id]);

  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(() => void load());
  return value;
}
