import { DomainError } from '@duban/domain';
import { inboxStreamId, type InboxEvent } from '@duban/read-models';
import { StreamCommand, pipelineHandler } from '../../commands/stream-command';
import type { StreamKind } from '../../commands/stream-kind';

export type InboxCommand = { type: 'MarkNotificationsRead'; data: { notificationIds: string[] } };

/** Marks only add, in any order: the inbox keeps no state a command could be refused on. */
type InboxState = null;

/**
 * `inbox-<userId>` streams: a person's read marks. Which ids may be marked is checked against the
 * read model before the command is sent (the notifications live there, not in this stream).
 */
export const INBOX_STREAM: StreamKind<InboxState, InboxCommand, InboxEvent> = {
  name: 'inbox',
  decider: {
    initialState: () => null,
    evolve: (state) => state,
    decide: (command) => [{ type: 'NotificationsRead', data: { notificationIds: [...command.data.notificationIds] } }],
  },
  streamId: inboxStreamId,
  appendOnly: true,
  // Unreachable with appendOnly (nothing to race with); said for completeness.
  exhausted: () => new DomainError('inbox.concurrent', '通知状态正被同时修改，请稍后重试', 'conflict'),
};

/** Read marks for one person's inbox (the id is the person's user id). */
export class RunInboxCommand extends StreamCommand<InboxState, InboxCommand> {}

export const RunInboxHandler = pipelineHandler(RunInboxCommand, INBOX_STREAM);
