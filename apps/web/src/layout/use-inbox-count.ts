import { useCallback, useEffect, useState } from 'react';
import { isNotFound } from '../api/api-error';
import { listSuggestions } from '../api/suggestions-api';
import { fetchInbox } from '../api/supervision-api';
import type { ListFilter, User } from '../api/types';
import { assertNever } from '../lib/assert-never';
import { useLiveRefresh } from '../live/live-context';

export interface InboxCount {
  /** `inbox`: unread messages from /api/inbox; `todo`: what waits for this user, counted from the list. */
  source: 'inbox' | 'todo';
  count: number;
}

/** What waits for each role when the inbox endpoint is not there (yet). */
function todoFilters(user: User): ListFilter[] {
  switch (user.role) {
    case 'deputy':
      return [{ status: 'answered', deputyId: user.id }];
    case 'unit':
      return [{ status: 'assigned' }, { status: 'rehandling' }];
    case 'staff':
    case 'admin':
      return [{ status: 'submitted' }, { status: 'accepted' }];
    case 'supervisor':
      return [{ overdue: true }];
    default:
      return assertNever(user.role, 'role');
  }
}

export function useInboxCount(user: User): InboxCount | null {
  const [value, setValue] = useState<InboxCount | null>(null);
  const [inboxMissing, setInboxMissing] = useState(false);

  const load = useCallback(async () => {
    if (!inboxMissing) {
      try {
        const inbox = await fetchInbox();
        setValue({ source: 'inbox', count: inbox.unread });
        return;
      } catch (e) {
        if (!isNotFound(e)) return;
        setInboxMissing(true);
      }
    }
    try {
      const pages = await Promise.all(todoFilters(user).map((f) => listSuggestions({ ...f, pageSize: 1 })));
      setValue({ source: 'todo', count: pages.reduce((sum, p) => sum + p.total, 0) });
    } catch {
      setValue(null);
    }
  }, [inboxMissing, user]);

  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(() => void load());
  return value;
}
