import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, GroupCommandResultDoc, GroupViewDoc } from '../http/openapi';
import type { Actor, SuggestionCommand } from '@duban/domain';
import type { ReadModelQueries } from '@duban/read-models';
import { AccountDirectory } from '../accounts/account-directory';
import { AttachmentFiles } from '../attachments/attachment-files';
import { AuthUser, toActor } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Ids, RequestIds } from '../http/correlation';
import { READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { AfterQueryDto } from '../read-consistency/after-query.dto';
import { ReadAfterService } from '../read-consistency/read-after.service';
import { AnswerSuggestionDto } from '../suggestions/answering/answer-suggestion.dto';
import { AssignSuggestionDto } from '../suggestions/assignment/assign-suggestion.dto';
import { CreateGroupDto } from './create-group.dto';
import { GroupCommands } from './group-commands';
import { GroupFormation } from './group-formation';
import { GroupId, primaryOf } from './group-id';
import { CompleteGroup, GroupLookup } from './group-lookup';
import { suggestionNotFound } from '../suggestions/execution/suggestion-not-found';
import { GroupMembers } from './group-members';
import { GroupCommandResult } from './member-result';

export interface GroupView {
  groupId: string;
  primarySuggestionId: string;
  members: { id: string; title: string; status: string; leadDeputyId: string; revision: number }[];
}

/**
 * 并案: staff link similar suggestions, then assign and answer them together. Every member stays a
 * suggestion of its own: its deputies get the answer and rate it. Who may do what is the decider's
 * rule (create and assign: staff and admins; answer: the assigned unit); who may see a member is the
 * suggestion read's, and a group route never tells a caller more than that read would.
 */
@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly groups: GroupCommands,
    private readonly formation: GroupFormation,
    private readonly lookup: GroupLookup,
    private readonly members: GroupMembers,
    private readonly directory: AccountDirectory,
    private readonly readAfter: ReadAfterService,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    private readonly attachments: AttachmentFiles,
  ) {}

  @Post()
  @ApiOperation({ summary: '并案办理（工作人员）：把相似建议并为一组，此后一并交办、一并答复；全部并入或全部不变' })
  @ApiOk(GroupCommandResultDoc, { status: 201 })
  @ApiErrors(403, 404, 409, 503)
  create(@Body() dto: CreateGroupDto, @CurrentUser() user: AuthUser, @Ids() ids: RequestIds): Promise<GroupCommandResult> {
    const primarySuggestionId = dto.primarySuggestionId ?? dto.suggestionIds[0]!;
    return this.formation.create(dto.suggestionIds, primarySuggestionId, toActor(user), { correlationId: ids.correlationId, causationId: ids.requestId });
  }

  @Post(':groupId/assign')
  @HttpCode(200)
  @ApiOperation({ summary: '并案组一并交办（工作人员）：对组内每件建议执行交办，逐件报告结果' })
  @ApiOk(GroupCommandResultDoc)
  @ApiErrors(403, 404, 409, 503)
  async assign(
    @GroupId() groupId: string,
    @Body() dto: AssignSuggestionDto,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
  ): Promise<GroupCommandResult> {
    await this.directory.requireUnits('unitIds', dto.unitIds);
    const actor = toActor(user);
    const group = await this.completeGroup(groupId, actor);
    return this.groups.apply(groupId, group.memberIds, () => dto.toCommand(), actor, { correlationId: ids.correlationId, causationId: ids.requestId });
  }

  @Post(':groupId/answer')
  @HttpCode(200)
  @ApiOperation({ summary: '并案组一并答复（承办单位）：同一答复送达组内每件建议的代表，逐件报告结果' })
  @ApiOk(GroupCommandResultDoc)
  @ApiErrors(403, 404, 409, 503)
  async answer(
    @GroupId() groupId: string,
    @Body() dto: AnswerSuggestionDto,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
  ): Promise<GroupCommandResult> {
    const actor = toActor(user);
    const group = await this.completeGroup(groupId, actor);
    // The letter is uploaded once, to one member: each other member's answer carries the same file,
    // read here from the member it was uploaded to (only this unit's letters; the decider checks the group).
    const letterIds = dto.attachmentIds ?? [];
    const groupLetters = letterIds.length > 0 ? await this.attachments.lettersOf(letterIds, actor.unitId) : [];
    const command = (): SuggestionCommand => {
      const base = dto.toCommand();
      return base.type === 'AnswerSuggestion' && groupLetters.length > 0 ? { ...base, data: { ...base.data, groupLetters } } : base;
    };
    return this.groups.apply(groupId, group.memberIds, command, actor, { correlationId: ids.correlationId, causationId: ids.requestId });
  }

  @Get(':groupId')
  @ApiOperation({ summary: '并案组：主建议与组内各建议的状态（只列当前用户可见的建议）' })
  @ApiOk(GroupViewDoc)
  @ApiErrors(404)
  async get(@GroupId() groupId: string, @Query() query: AfterQueryDto, @CurrentUser() user: AuthUser): Promise<GroupView> {
    await this.readAfter.waitFor(query.after);
    const viewer = toActor(user);
    const group = await this.completeGroup(groupId, viewer);
    const members = group.memberIds
      .filter((id) => this.queries.canView(viewer, id))
      .map((id) => this.queries.getSuggestion(id))
      .filter((s) => s !== null)
      .map((s) => ({ id: s.id, title: s.title, status: s.status, leadDeputyId: s.leadDeputyId, revision: s.revision }));
    return { groupId, primarySuggestionId: group.primarySuggestionId, members };
  }

  /**
   * The group, formed and with a member the caller may read. Otherwise a 404: the suggestion read's
   * own one when the caller may read none of the suggestions involved (so a group id cannot probe
   * for suggestions), '并案组不存在' when they may read the primary and can see for themselves that
   * it heads no group.
   */
  private async completeGroup(groupId: string, actor: Actor): Promise<CompleteGroup> {
    const primaryId = primaryOf(groupId)!;
    const group = await this.lookup.findComplete(groupId);
    if (group && (await this.members.mayReadAny(group.memberIds, actor))) return group;
    if (await this.members.mayReadAny([primaryId], actor)) throw new NotFoundException('并案组不存在');
    throw suggestionNotFound();
  }
}
