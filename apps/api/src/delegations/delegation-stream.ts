import { DomainError, DelegationCommand, DelegationEvent, DelegationState, delegationDecider, delegationStreamId } from '@duban/domain';
import { StreamCommand, pipelineHandler } from '../commands/stream-command';
import type { StreamKind } from '../commands/stream-kind';

/** `delegation-<id>` streams: a delegation (代表团) and its head. */
export const DELEGATION_STREAM: StreamKind<DelegationState, DelegationCommand, DelegationEvent> = {
  name: 'delegation',
  decider: delegationDecider,
  streamId: delegationStreamId,
  exhausted: () => new DomainError('delegation.concurrent_change', '该代表团正被同时修改，请刷新后重试', 'conflict'),
};

export class RunDelegationCommand extends StreamCommand<DelegationState, DelegationCommand> {}

export const RunDelegationHandler = pipelineHandler(RunDelegationCommand, DELEGATION_STREAM);
