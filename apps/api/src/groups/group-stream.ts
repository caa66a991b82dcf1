import { DomainError, assertNever } from '@duban/domain';
import { StreamCommand, pipelineHandler } from '../commands/stream-command';
import type { StreamKind } from '../commands/stream-kind';

/**
 * A group's own stream, `group-<groupId>`. Its first event is the claim on the group, so two
 * creations of one group cannot both proceed; the members are then taken one by one, and the group
 * counts as existing only once `GroupFormed` follows. A creation that loses a member records
 * `GroupDissolved` after releasing the members it took, and the group id may be claimed again.
 */
export type GroupStreamEvent =
  | { type: 'GroupFormationStarted'; data: { groupId: string; primarySuggestionId: string; memberIds: string[] } }
  | { type: 'GroupFormed'; data: { groupId: string } }
  | { type: 'GroupDissolved'; data: { groupId: string; reason: string } };

export type GroupStreamCommand =
  | { type: 'StartGroupFormation'; data: { groupId: string; primarySuggestionId: string; memberIds: string[] } }
  | { type: 'FinishGroupFormation'; data: { groupId: string } }
  | { type: 'DissolveGroup'; data: { groupId: string; reason: string } };

export const GROUP_STREAM_PREFIX = 'group-';
export const groupStreamId = (groupId: string): string => `${GROUP_STREAM_PREFIX}${groupId}`;

export type GroupState =
  | { status: 'none' }
  | { status: 'dissolved' }
  | {
      status: 'forming' | 'formed';
      primarySuggestionId: string;
      memberIds: string[];
      /** When the current formation began: a formation left unfinished by a crash is recovered after a while. */
      startedAt: string;
    };

function groupTaken(): DomainError {
  return new DomainError('group.concurrent', '这件主办建议正在并案或已有并案组，请刷新后重试', 'conflict');
}

/** Who may group is decided on the members (GroupSuggestion); the group stream only orders formations. */
function decideGroup(command: GroupStreamCommand, state: GroupState): GroupStreamEvent[] {
  switch (command.type) {
    case 'StartGroupFormation':
      if (state.status === 'forming' || state.status === 'formed') throw groupTaken();
      return [{ type: 'GroupFormationStarted', data: { ...command.data, memberIds: [...command.data.memberIds] } }];
    case 'FinishGroupFormation':
      if (state.status !== 'forming') throw groupTaken();
      return [{ type: 'GroupFormed', data: command.data }];
    case 'DissolveGroup':
      if (state.status !== 'forming') throw groupTaken();
      return [{ type: 'GroupDissolved', data: command.data }];
    default:
      return assertNever(command, 'group command');
  }
}

function evolveGroup(state: GroupState, event: GroupStreamEvent & { at: string }): GroupState {
  switch (event.type) {
    case 'GroupFormationStarted':
      return { status: 'forming', primarySuggestionId: event.data.primarySuggestionId, memberIds: [...event.data.memberIds], startedAt: event.at };
    case 'GroupFormed':
      return state.status === 'forming' ? { ...state, status: 'formed' } : state;
    case 'GroupDissolved':
      return { status: 'dissolved' };
    default:
      // Events of other types are ignored: the stream may gain some before this code knows them.
      return state;
  }
}

export const GROUP_STREAM: StreamKind<GroupState, GroupStreamCommand, GroupStreamEvent> = {
  name: 'group',
  decider: { initialState: () => ({ status: 'none' }), evolve: evolveGroup, decide: decideGroup },
  streamId: groupStreamId,
  exhausted: groupTaken,
};

export class RunGroupCommand extends StreamCommand<GroupState, GroupStreamCommand> {}

export const RunGroupHandler = pipelineHandler(RunGroupCommand, GROUP_STREAM);
