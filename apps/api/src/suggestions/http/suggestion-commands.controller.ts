import { BadRequestException, Body, Controller, HttpCode, Inject, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiCommand } from '../../http/openapi/command.decorator';
import type { SuggestionCommand } from '@duban/domain';
import { AccountDirectory } from '../../accounts/account-directory';
import { Clock } from '../../clock/clock';
import { SessionCatalogue } from '../../sessions/session-catalogue';
import { timeOrderedId } from '../../events/time-ordered-id';
import { deriveSuggestionId } from '../../idempotency/derive-suggestion-id';
import { AnswerSuggestionDto } from '../dto/answer-suggestion.dto';
import { AssignSuggestionDto } from '../dto/assign-suggestion.dto';
import { CoOpinionDto } from '../dto/co-opinion.dto';
import { ContactDeputyDto } from '../dto/contact-deputy.dto';
import { DecideRequestDto } from '../dto/decide-request.dto';
import { EmptyBodyDto } from '../dto/empty-body.dto';
import { FulfilCommitmentDto } from '../dto/fulfil-commitment.dto';
import { RateSuggestionDto } from '../dto/rate-suggestion.dto';
import { ReasonDto } from '../dto/reason.dto';
import { RequestExtensionDto } from '../dto/request-extension.dto';
import { SubmitSuggestionDto } from '../dto/submit-suggestion.dto';
import { SuperviseDto } from '../dto/supervise.dto';
import { UrgeDto } from '../dto/urge.dto';
import type { CommandOutcome } from '../../commands/command-outcome';
import { RunSuggestionCommand } from '../execution/suggestion-stream';
import { CommandContext, CommandCtx } from './command-context.decorator';
import { EtagInterceptor } from './etag.interceptor';
import { SuggestionId } from './suggestion-id.pipe';

/**
 * One route per command of the HTTP contract. Each validates its body, checks that the people
 * and units it names exist (they live in other streams, which the decider cannot see), and hands
 * the command to the CommandBus; who may do what is decided by the decider alone.
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class SuggestionCommandsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly directory: AccountDirectory,
    private readonly sessions: SessionCatalogue,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiCommand('提交建议（人大代表；工作人员、管理员可代代表登记，须填 leadDeputyId）', { status: 201 })
  async submit(@Body() dto: SubmitSuggestionDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    await this.directory.requireUsersWithRole('coSignerIds', dto.coSignerIds ?? [], 'deputy');
    if (dto.leadDeputyId !== undefined) await this.directory.requireUsersWithRole('leadDeputyId', [dto.leadDeputyId], 'deputy');
    const sessionId = await this.sessions.forSubmission(dto.sessionId, this.clock.nowIso());
    const delegationId = dto.byDelegation === true ? await this.delegationOf(dto.leadDeputyId ?? ctx.actor.userId) : undefined;
    // With a key, a retried submission must find the stream of the first one.
    const key = ctx.options.idempotency?.key;
    if (key !== undefined) {
      const id = deriveSuggestionId(ctx.actor.userId, key);
      return this.run(id, dto.toCommand(id, sessionId, delegationId), ctx);
    }
    // A new id, made here: its stream cannot exist yet, so the pipeline need not read it.
    const id = timeOrderedId();
    return this.run(id, dto.toCommand(id, sessionId, delegationId), { ...ctx, options: { ...ctx.options, freshStream: true } });
  }

  /** The delegation a deputy speaks for (400 on byDelegation when they belong to none). */
  private async delegationOf(deputyId: string): Promise<string> {
    const delegationId = (await this.directory.findUser(deputyId))?.delegationId;
    if (delegationId === undefined) {
      throw new BadRequestException({ statusCode: 400, code: 'validation_failed', message: '请求参数有误', errors: [{ field: 'byDelegation', message: '该代表不属于任何代表团' }] });
    }
    return delegationId;
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiCommand('立案（工作人员）')
  accept(@SuggestionId() id: string, @Body() _dto: EmptyBodyDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, { type: 'AcceptSuggestion', data: {} }, ctx);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiCommand('不予立案（工作人员）')
  reject(@SuggestionId() id: string, @Body() dto: ReasonDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, { type: 'RejectSuggestion', data: { reason: dto.reason } }, ctx);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiCommand('交办：单独办理、主办+协办或分别办理（工作人员）')
  async assign(@SuggestionId() id: string, @Body() dto: AssignSuggestionDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    await this.directory.requireUnits('unitIds', dto.unitIds);
    return this.run(id, dto.toCommand(), ctx);
  }

  @Post(':id/request-return')
  @HttpCode(200)
  @ApiCommand('申请退回（承办单位）')
  requestReturn(@SuggestionId() id: string, @Body() dto: ReasonDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, { type: 'RequestReturn', data: { reason: dto.reason } }, ctx);
  }

  @Post(':id/decide-return')
  @HttpCode(200)
  @ApiCommand('审批退回申请（工作人员）')
  decideReturn(@SuggestionId() id: string, @Body() dto: DecideRequestDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, { type: 'DecideReturn', data: dto.data() }, ctx);
  }

  @Post(':id/contact')
  @HttpCode(200)
  @ApiCommand('记录与代表的联系（承办单位）')
  contact(@SuggestionId() id: string, @Body() dto: ContactDeputyDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  @Post(':id/co-opinion')
  @HttpCode(200)
  @ApiCommand('协办单位向主办单位提出协办意见')
  coOpinion(@SuggestionId() id: string, @Body() dto: CoOpinionDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  @Post(':id/request-extension')
  @HttpCode(200)
  @ApiCommand('申请延期答复（承办单位）')
  requestExtension(
    @SuggestionId() id: string,
    @Body() dto: RequestExtensionDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  @Post(':id/decide-extension')
  @HttpCode(200)
  @ApiCommand('审批延期申请（工作人员）')
  decideExtension(@SuggestionId() id: string, @Body() dto: DecideRequestDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, { type: 'DecideExtension', data: dto.data() }, ctx);
  }

  @Post(':id/supervise')
  @HttpCode(200)
  @ApiCommand('列为重点督办，指定督办人与领办领导')
  async supervise(@SuggestionId() id: string, @Body() dto: SuperviseDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    await this.directory.requireUsersWithRole('supervisorId', [dto.supervisorId], 'supervisor');
    return this.run(id, dto.toCommand(), ctx);
  }

  @Post(':id/urge')
  @HttpCode(200)
  @ApiCommand('催办（督办人）')
  urge(@SuggestionId() id: string, @Body() dto: UrgeDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @ApiCommand('答复（主办、单独或分办单位）')
  answer(@SuggestionId() id: string, @Body() dto: AnswerSuggestionDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  @Post(':id/rate')
  @HttpCode(200)
  @ApiCommand('评价办理态度与办理结果（领衔代表）')
  rate(@SuggestionId() id: string, @Body() dto: RateSuggestionDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  @Post(':id/fulfil-commitment')
  @HttpCode(200)
  @ApiCommand('承诺事项已落实（承办单位）')
  fulfilCommitment(
    @SuggestionId() id: string,
    @Body() dto: FulfilCommitmentDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiCommand('撤回建议（领衔代表）')
  withdraw(@SuggestionId() id: string, @Body() dto: ReasonDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, { type: 'WithdrawSuggestion', data: { reason: dto.reason } }, ctx);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiCommand('办结（工作人员）')
  close(@SuggestionId() id: string, @Body() _dto: EmptyBodyDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, { type: 'CloseSuggestion', data: {} }, ctx);
  }

  private run(id: string, command: SuggestionCommand, ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSuggestionCommand(id, command, ctx.actor, ctx.options));
  }
}
