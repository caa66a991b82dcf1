import { DomainError, SessionCommand, SessionEvent, SessionState, sessionDecider, sessionStreamId } from '@duban/domain';
import { StreamCommand, pipelineHandler } from '../commands/stream-command';
import type { StreamKind } from '../commands/stream-kind';

/** `session-<id>` streams: a session's opening, its 交办 date and its closing. */
export const SESSION_STREAM: StreamKind<SessionState, SessionCommand, SessionEvent> = {
  name: 'session',
  decider: sessionDecider,
  streamId: sessionStreamId,
  exhausted: () => new DomainError('session.concurrent_change', '该会次正被同时修改，请刷新后重试', 'conflict'),
};

export class RunSessionCommand extends StreamCommand<SessionState, SessionCommand> {}

export const RunSessionHandler = pipelineHandler(RunSessionCommand, SESSION_STREAM);
