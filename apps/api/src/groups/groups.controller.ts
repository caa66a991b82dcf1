import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SuggestionEvent, foldSuggestion, suggestionStreamId } from '@duban/domain';
import { EVENT_STORE, type EventStore } from '@duban/event-store';
import type { ReadModelQueries } from '@duban/read-models';
import { AccountDirectory } from '../accounts/account-directory';
import { AuthUser, toActor } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { stamp } from '../events/stamp';
import { Ids, RequestIds } from '../http/correlation';
import { READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { AfterQueryDto } from '../read-consistency/after-query.dto';
import { ReadAfterService } from '../read-consistency/read-after.service';
import { AnswerSuggestionDto } from '../suggestions/dto/answer-suggestion.dto';
import { AssignSuggestionDto } from '../suggestions/dto/assign-suggestion.dto';
import { CreateGroupDto } from './create-group.dto';
import { GroupCommands } from './group-commands';
import { GroupId, groupIdFor, primaryOf } from './group-id';
import { GroupCommandResult } from './member-result';

export interface GroupView {
  groupId: string;
  primarySuggestionId: string;
  members: { id: string; title: string; status: string; leadDeputyId: string; revision: number }[];
}

/**
 * 并案: staff link similar suggestions, then assign and answer them together. Every member stays a
 * suggestion of its own: its deputies get the answer and rate it.
 */
@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly groups: GroupCommands,
    private readonly directory: AccountDirectory,
    private readonly readAfter: ReadAfterService,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @ApiOperation({ summary: '并案办理（工作人员）：把相似建议并为一组，此后一并交办、一并答复' })
  create(@Body() dto: CreateGroupDto, @CurrentUser() user: AuthUser, @Ids() ids: RequestIds): Promise<GroupCommandResult> {
    const primarySuggestionId = dto.primarySuggestionId ?? dto.suggestionIds[0]!;
    const groupId = groupIdFor(primarySuggestionId);
    const memberIds = dto.suggestionIds;
    return this.groups.apply(groupId, memberIds, () => ({ type: 'GroupSuggestion', data: { groupId, primarySuggestionId, memberIds } }), toActor(user), {
      correlationId: ids.correlationId,
      causationId: ids.requestId,
    });
  }

  @Post(':groupId/assign')
  @HttpCode(200)
  @ApiOperation({ summary: '并案组一并交办（工作人员）：对组内每件建议执行交办，逐件报告结果' })
  async assign(
    @GroupId() groupId: string,
    @Body() dto: AssignSuggestionDto,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
  ): Promise<GroupCommandResult> {
    await this.directory.requireUnits('unitIds', dto.unitIds);
    const members = await this.membersOf(groupId);
    return this.groups.apply(groupId, members, () => dto.toCommand(), toActor(user), { correlationId: ids.correlationId, causationId: ids.requestId });
  }

  @Post(':groupId/answer')
  @HttpCode(200)
  @ApiOperation({ summary: '并案组一并答复（承办单位）：同一答复送达组内每件建议的代表，逐件报告结果' })
  async answer(
    @GroupId() groupId: string,
    @Body() dto: AnswerSuggestionDto,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
  ): Promise<GroupCommandResult> {
    const members = await this.membersOf(groupId);
    return this.groups.apply(groupId, members, () => dto.toCommand(), toActor(user), { correlationId: ids.correlationId, causationId: ids.requestId });
  }

  @Get(':groupId')
  @ApiOperation({ summary: '并案组：主建议与组内各建议的状态（只列当前用户可见的建议）' })
  async get(@GroupId() groupId: string, @Query() query: AfterQueryDto, @CurrentUser() user: AuthUser): Promise<GroupView> {
    await this.readAfter.waitFor(query.after);
    const primarySuggestionId = primaryOf(groupId)!;
    const primary = this.queries.getSuggestion(primarySuggestionId);
    if (!primary || primary.groupId !== groupId || !primary.group) throw new NotFoundException('并案组不存在');
    const viewer = toActor(user);
    const members = primary.group.memberIds
      .filter((id) => this.queries.canView(viewer, id))
      .map((id) => this.queries.getSuggestion(id))
      .filter((s) => s !== null)
      .map((s) => ({ id: s.id, title: s.title, status: s.status, leadDeputyId: s.leadDeputyId, revision: s.revision }));
    // A group none of whose members the viewer may see does not exist for them.
    if (members.length === 0) throw new NotFoundException('并案组不存在');
    return { groupId, primarySuggestionId, members };
  }

  /** From the primary's stream, not the read model: a command acts on the group as it is now. */
  private async membersOf(groupId: string): Promise<string[]> {
    const primaryId = primaryOf(groupId)!;
    const events = (await this.store.readStream(suggestionStreamId(primaryId))).map((e) => stamp<SuggestionEvent>(e));
    const state = foldSuggestion(events);
    if (state.status === 'none' || state.groupId !== groupId || !state.group) throw new NotFoundException('并案组不存在');
    return state.group.memberIds;
  }
}
