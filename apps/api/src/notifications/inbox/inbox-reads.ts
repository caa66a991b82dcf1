import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@duban/domain';
import { EVENT_STORE, type EventStore, formatPosition } from '@duban/event-store';
import { audienceOfNotification, audiencesOf, inboxStreamId, type NotificationsReadEvent } from '@duban/read-models';
import { Clock } from '../../clock/clock';
import { newEventMetadata } from '../../events/new-event-metadata';
import type { RequestIds } from '../../http/correlation';

export interface MarkReadOutcome {
  /** The ids recorded as read (those already read included: marking twice changes nothing). */
  ids: string[];
  /** Pass as `?after=` to GET /api/inbox to see the marks. */
  position: string;
}

/**
 * Read marks are events too (stream `inbox-<userId>`), so a rebuilt read model knows what each
 * person has read. Marks only add, in any order: appended without an expected revision.
 */
@Injectable()
export class InboxReads {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async markRead(actor: Actor, notificationIds: string[], ids: RequestIds): Promise<MarkReadOutcome> {
    requireOwn(actor, notificationIds);
    const event: NotificationsReadEvent = { type: 'NotificationsRead', data: { notificationIds } };
    const result = await this.store.appendToStream(
      inboxStreamId(actor.userId),
      [{ ...event, metadata: newEventMetadata(actor, this.clock.nowIso(), ids.correlationId, ids.requestId) }],
      { expectedRevision: 'any' },
    );
    return { ids: notificationIds, position: formatPosition(result.position) };
  }
}

/**
 * A notification id names whom it is for, so a mark on someone else's (or on no notification at
 * all) is refused before anything is stored rather than kept as a meaningless event.
 */
function requireOwn(actor: Actor, notificationIds: string[]): void {
  const mine = new Set<string>(audiencesOf(actor));
  const foreign = notificationIds.filter((id) => {
    const audience = audienceOfNotification(id);
    return audience === null || !mine.has(audience);
  });
  if (foreign.length === 0) return;
  throw new BadRequestException({
    statusCode: 400,
    code: 'validation_failed',
    message: '请求参数有误',
    errors: foreign.map((id) => ({ field: 'ids', message: `通知「${id}」不存在或不属于当前用户` })),
  });
}
