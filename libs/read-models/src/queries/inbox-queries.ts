import { assertNever } from '@duban/domain';
import type { Statement } from 'better-sqlite3';
import { audienceOfNotification, type Audience } from '../inbox/notification-id';
import type { Inbox, InboxItem, InboxPage, NotificationKind } from '../inbox/inbox.types';
import type { Viewer } from '../read-model.types';
import type { ReadModelDatabase } from '../schema/open-read-model';
import { StatementCache } from './supervision/statement-cache';

/** A notification's id, as notificationId() makes it. */
const ID = `n.suggestion_id || '@' || n.revision || '@' || n.audience`;

/** An inbox page is at most this long. */
export const MAX_INBOX_PAGE_SIZE = 100;

interface NotificationRow {
  id: string;
  suggestion_id: string;
  kind: NotificationKind;
  message: string;
  created_at: string;
  read: number;
}

/** Whose notifications a person receives: their own, their unit's, their role's. */
export function audiencesOf(viewer: Viewer): Audience[] {
  const own: Audience = `user:${viewer.userId}`;
  switch (viewer.role) {
    case 'deputy':
    case 'admin':
      return [own];
    case 'unit':
      return viewer.unitId ? [own, `unit:${viewer.unitId}`] : [own];
    case 'staff':
      return [own, 'role:staff'];
    case 'supervisor':
      return [own, 'role:supervisor'];
    case 'system':
      return [];
    default:
      return assertNever(viewer.role, 'viewer role');
  }
}

/**
 * A person's inbox, newest first by the time of the event that caused each notification (not by
 * when the projector wrote it: a demo load or a migrated store writes older events after newer
 * ones). Each audience's newest rows come off its own (audience, occurred_at, seq) index range and
 * are merged, so a page costs the same however many notifications there are; the unread count
 * comes from maintained counts, never from counting rows.
 */
export class InboxQueries {
  private readonly statements: StatementCache;
  private readonly countStmt: Statement<[string], { n: number }>;
  private readonly readCountStmt: Statement<[string, string], { n: number }>;
  private readonly storedStmt: Statement<[string, string], { id: string }>;

  constructor(db: ReadModelDatabase) {
    this.statements = new StatementCache(db);
    this.countStmt = db.prepare(`SELECT n FROM notification_counts WHERE audience = ?`);
    this.readCountStmt = db.prepare(`SELECT n FROM notification_read_counts WHERE user_id = ? AND audience = ?`);
    // One pass over the audience's rows for the whole list of ids (not one per id), so a list of
    // 500 made-up ids costs what one does.
    this.storedStmt = db.prepare(`
      SELECT ${ID} AS id FROM notifications n
       WHERE n.audience = ? AND n.suggestion_id IN (SELECT value FROM json_each(?))`);
  }

  inbox(viewer: Viewer, { page, pageSize }: InboxPage): Inbox {
    const audiences = audiencesOf(viewer);
    if (audiences.length === 0) return { items: [], total: 0, unread: 0 };
    const size = Math.min(Math.max(1, Math.floor(pageSize)), MAX_INBOX_PAGE_SIZE);
    const offset = (Math.max(1, Math.floor(page)) - 1) * size;
    const newest = audiences
      .map(() => `SELECT seq FROM (SELECT seq FROM notifications WHERE audience = ? ORDER BY occurred_at DESC, seq DESC LIMIT ?)`)
      .join(' UNION ALL ');
    // The id is not stored: see notificationId().
    const sql = `
      SELECT ${ID} AS id, n.suggestion_id, n.kind, n.message, n.occurred_at AS created_at,
             EXISTS (SELECT 1 FROM notification_reads r WHERE r.user_id = ? AND r.notification_id = ${ID}) AS read
        FROM (${newest}) x JOIN notifications n ON n.seq = x.seq
       ORDER BY n.occurred_at DESC, n.seq DESC LIMIT ? OFFSET ?`;
    const params = [viewer.userId, ...audiences.flatMap((a) => [a, offset + size]), size, offset];
    const rows = this.statements.get(sql).all(...params) as NotificationRow[];
    let total = 0;
    let unread = 0;
    for (const audience of audiences) {
      const count = this.countStmt.get(audience)?.n ?? 0;
      const read = this.readCountStmt.get(viewer.userId, audience)?.n ?? 0;
      total += count;
      unread += Math.max(0, count - read);
    }
    return { items: rows.map(toItem), total, unread };
  }

  /**
   * The ids (in the order given) that name no stored notification: a read mark for one would count
   * as read something never sent, and the unread count would drop below the truth.
   */
  missingNotifications(ids: readonly string[]): string[] {
    const suggestionsByAudience = new Map<string, Set<string>>();
    for (const id of ids) {
      const audience = audienceOfNotification(id);
      if (audience === null) continue;
      let suggestionIds = suggestionsByAudience.get(audience);
      if (!suggestionIds) suggestionsByAudience.set(audience, (suggestionIds = new Set()));
      suggestionIds.add(id.slice(0, id.indexOf('@')));
    }
    const stored = new Set<string>();
    for (const [audience, suggestionIds] of suggestionsByAudience) {
      for (const row of this.storedStmt.all(audience, JSON.stringify([...suggestionIds]))) stored.add(row.id);
    }
    return ids.filter((id) => !stored.has(id));
  }
}

function toItem(row: NotificationRow): InboxItem {
  return {
    id: row.id,
    suggestionId: row.suggestion_id,
    kind: row.kind,
    message: row.message,
    createdAt: row.created_at,
    read: row.read === 1,
  };
}
