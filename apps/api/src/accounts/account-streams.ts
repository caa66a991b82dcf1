import {
  AccountEvent,
  DomainError,
  UnitCommand,
  UnitState,
  UserCommand,
  UserState,
  unitDecider,
  unitStreamId,
  userDecider,
  userStreamId,
} from '@duban/domain';
import { StreamCommand, pipelineHandler } from '../commands/stream-command';
import type { StreamKind } from '../commands/stream-kind';

const concurrentChange = (): DomainError => new DomainError('account.concurrent_change', '该账号正被同时修改，请刷新后重试', 'conflict');

/**
 * Registration names its target stream in the body (unit id, login name), so an Idempotency-Key's
 * first use is also recorded on its own: a reused key with another body is found all the same.
 */
export const UNIT_STREAM: StreamKind<UnitState, UnitCommand, AccountEvent> = {
  name: 'unit',
  decider: unitDecider,
  streamId: unitStreamId,
  exhausted: concurrentChange,
  keysOutsideStream: true,
};

export const USER_STREAM: StreamKind<UserState, UserCommand, AccountEvent> = {
  name: 'user',
  decider: userDecider,
  streamId: userStreamId,
  exhausted: concurrentChange,
  keysOutsideStream: true,
};

export class RunUnitCommand extends StreamCommand<UnitState, UnitCommand> {}
export class RunUserCommand extends StreamCommand<UserState, UserCommand> {}

export const RunUnitHandler = pipelineHandler(RunUnitCommand, UNIT_STREAM);
export const RunUserHandler = pipelineHandler(RunUserCommand, USER_STREAM);
