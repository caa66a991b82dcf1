import { Injectable } from '@nestjs/common';
import { CommandPipeline } from '../commands/command-pipeline';
import { GroupMembers } from './group-members';
import { GROUP_STREAM, type GroupState } from './group-stream';
import { primaryOf } from './group-id';

/** The group's current formation and its stream's revision (-1 when it has none). */
export type GroupRecord = GroupState & { revision: number };

export interface CompleteGroup {
  groupId: string;
  primarySuggestionId: string;
  memberIds: string[];
}

/**
 * Finds a group only once it is complete: a creation still taking its members, or one that lost a
 * member and was dissolved, does not exist for any route, so nobody assigns or answers half a group.
 */
@Injectable()
export class GroupLookup {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly members: GroupMembers,
  ) {}

  async record(groupId: string): Promise<GroupRecord> {
    const { state, revision } = await this.pipeline.load(GROUP_STREAM, groupId);
    return { ...state, revision };
  }

  async findComplete(groupId: string): Promise<CompleteGroup | null> {
    const record = await this.record(groupId);
    if (record.status === 'formed') return { groupId, primarySuggestionId: record.primarySuggestionId, memberIds: record.memberIds };
    if (record.status !== 'none') return null;
    return this.findWithoutStream(groupId);
  }

  /**
   * Groups made before groups had a stream of their own: complete when every member listed on the
   * primary carries the group (one the old, racy creation left half-made does not exist).
   */
  private async findWithoutStream(groupId: string): Promise<CompleteGroup | null> {
    const primarySuggestionId = primaryOf(groupId);
    if (primarySuggestionId === null) return null;
    const [primary] = await this.members.load([primarySuggestionId]);
    if (!primary || primary.state.status === 'none' || primary.state.groupId !== groupId || !primary.state.group) return null;
    const memberIds = primary.state.group.memberIds;
    const members = await this.members.load(memberIds);
    if (!members.every((m) => m.state.status !== 'none' && m.state.groupId === groupId)) return null;
    return { groupId, primarySuggestionId, memberIds: [...memberIds] };
  }
}
