import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@duban/domain';
import { audienceOfNotification, audiencesOf, type ReadModelQueries } from '@duban/read-models';
import type { RequestIds } from '../../http/correlation';
import { READ_MODEL_QUERIES } from '../../infrastructure/tokens';
import { RunInboxCommand } from './inbox-stream';

export interface MarkReadOutcome {
  /** The ids recorded as read (those already read included: marking twice changes nothing). */
  ids: string[];
  /** Pass as `?after=` to GET /api/inbox to see the marks. */
  position: string;
}

/**
 * Read marks are events too (stream `inbox-<userId>`), so a rebuilt read model knows what each
 * person has read. They go through the command pipeline like every command (INBOX_STREAM: marks
 * only add, so nothing is read and any revision is expected).
 */
@Injectable()
export class InboxReads {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
  ) {}

  /** `POST /inbox/read {ids}`: every id must be one of the caller's notifications (else 400 naming `ids`). */
  async markRead(actor: Actor, notificationIds: string[], ids: RequestIds): Promise<MarkReadOutcome> {
    const refused = this.refused(actor, notificationIds);
    if (refused.length > 0) {
      throw new BadRequestException({
        statusCode: 400,
        code: 'validation_failed',
        message: '请求参数有误',
        errors: refused.map((id) => ({ field: 'ids', message: `通知「${id}」不存在或不属于当前用户` })),
      });
    }
    return this.record(actor, notificationIds, ids);
  }

  /** `POST /inbox/:id/read`: an id that is not one of the caller's notifications names nothing here: 404. */
  async markOneRead(actor: Actor, notificationId: string, ids: RequestIds): Promise<MarkReadOutcome> {
    if (this.refused(actor, [notificationId]).length > 0) throw new NotFoundException('通知不存在');
    return this.record(actor, [notificationId], ids);
  }

  /** Ids just listed from the caller's own inbox ("mark all read"): they exist, nothing to check. */
  async markListed(actor: Actor, notificationIds: string[], ids: RequestIds): Promise<MarkReadOutcome> {
    return this.record(actor, notificationIds, ids);
  }

  /**
   * A notification id names whom it is for, so a mark on someone else's is refused without a
   * lookup; one of the caller's audiences is looked up (once per audience, not per id), so a mark
   * on a notification never sent is refused before anything is stored rather than kept as an event
   * that would lower the unread count below the truth.
   */
  private refused(actor: Actor, notificationIds: string[]): string[] {
    const foreign = foreignIds(actor, notificationIds);
    const own = notificationIds.filter((id) => !foreign.has(id));
    const missing = new Set(own.length > 0 ? this.queries.missingNotifications(own) : []);
    return notificationIds.filter((id) => foreign.has(id) || missing.has(id));
  }

  private async record(actor: Actor, notificationIds: string[], ids: RequestIds): Promise<MarkReadOutcome> {
    const outcome = await this.commandBus.execute(
      new RunInboxCommand(actor.userId, { type: 'MarkNotificationsRead', data: { notificationIds } }, actor, {
        correlationId: ids.correlationId,
        causationId: ids.requestId,
      }),
    );
    return { ids: notificationIds, position: outcome.position };
  }
}

/** Ids naming no audience of the caller's (or no audience at all). */
function foreignIds(actor: Actor, notificationIds: string[]): Set<string> {
  const mine = new Set<string>(audiencesOf(actor));
  return new Set(
    notificationIds.filter((id) => {
      const audience = audienceOfNotification(id);
      return audience === null || !mine.has(audience);
    }),
  );
}
