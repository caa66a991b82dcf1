import { assertNever } from '@duban/domain';
import type { RecordedEvent } from '@duban/event-store';
import type { Statement } from 'better-sqlite3';
import { INBOX_STREAM_PREFIX, type InboxEvent } from '../inbox/inbox-stream';
import { audienceOfNotification } from '../inbox/notification-id';
import type { ReadModelDatabase } from '../schema/open-read-model';

/**
 * Read marks from the `inbox-<userId>` streams. A mark names its notification's audience in its
 * id, so it is recorded without looking the notification up; marking one twice counts once.
 * An id that names no audience is ignored: it cannot be any notification.
 */
export class InboxProjection {
  private readonly insertReadStmt: Statement;
  private readonly addReadCountStmt: Statement;

  constructor(db: ReadModelDatabase) {
    this.insertReadStmt = db.prepare(
      `INSERT INTO notification_reads (user_id, notification_id, audience) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    // Counts only a mark the insert just above recorded (changes() = its rows): decided by SQLite,
    // not by reading the insert's result, so a rebuild's writer thread can run both later.
    this.addReadCountStmt = db.prepare(`
      INSERT INTO notification_read_counts (user_id, audience, n) SELECT ?, ?, 1 WHERE changes() > 0
      ON CONFLICT (user_id, audience) DO UPDATE SET n = n + 1`);
  }

  apply(recorded: RecordedEvent): void {
    const userId = recorded.streamId.slice(INBOX_STREAM_PREFIX.length);
    const event = { type: recorded.type, data: recorded.data } as InboxEvent;
    switch (event.type) {
      case 'NotificationsRead':
        for (const id of event.data.notificationIds ?? []) {
          const audience = typeof id === 'string' ? audienceOfNotification(id) : null;
          if (audience === null) continue;
          this.insertReadStmt.run(userId, id, audience);
          this.addReadCountStmt.run(userId, audience);
        }
        return;
      default:
        return assertNever(event.type, `inbox event type in ${recorded.streamId}`);
    }
  }

  static handles(streamId: string): boolean {
    return streamId.startsWith(INBOX_STREAM_PREFIX);
  }
}
