/** A person's read marks live in their own stream, so a rebuilt read model knows what each one has read. */
export const INBOX_STREAM_PREFIX = 'inbox-';
export const inboxStreamId = (userId: string): string => `${INBOX_STREAM_PREFIX}${userId}`;

/** Appended by the api to `inbox-<userId>` (expected revision `any`: marks only add). */
export interface NotificationsReadEvent {
  type: 'NotificationsRead';
  data: { notificationIds: string[] };
}

export type InboxEvent = NotificationsReadEvent;
