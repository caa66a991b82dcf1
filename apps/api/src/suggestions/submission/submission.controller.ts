import { BadRequestException, Body, Controller, HttpCode, Inject, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiCommand } from '../../http/openapi/command.decorator';
import type { SuggestionCommand } from '@duban/domain';
import { AccountDirectory } from '../../accounts/account-directory';
import { Clock } from '../../clock/clock';
import { DelegationDirectory } from '../../delegations/delegation-directory';
import { SessionCatalogue } from '../../sessions/session-catalogue';
import { SuggestionRegistration } from '../../sessions/suggestion-registration';
import { timeOrderedId } from '../../events/time-ordered-id';
import { deriveSuggestionId } from '../../idempotency/derive-suggestion-id';
import { EmptyBodyDto } from '../dto/empty-body.dto';
import { ReasonDto } from '../dto/reason.dto';
import { SubmitSuggestionDto } from './submit-suggestion.dto';
import type { CommandOutcome } from '../../commands/command-outcome';
import { RunSuggestionCommand } from '../execution/suggestion-stream';
import { CommandContext, CommandCtx } from '../http/command-context.decorator';
import { EtagInterceptor } from '../http/etag.interceptor';
import { SuggestionId } from '../http/suggestion-id.pipe';

/**
 * 提交、立案、不予立案 (capabilities/submission). Like every command route it validates its body, checks
 * that the people it names exist (they live in other streams, which the decider cannot see), and
 * hands the command to the CommandBus; who may do what is decided by the decider alone.
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class SubmissionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly directory: AccountDirectory,
    private readonly sessions: SessionCatalogue,
    private readonly registration: SuggestionRegistration,
    private readonly delegations: DelegationDirectory,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiCommand('提交建议（人大代表；工作人员、管理员可代代表登记，须填 leadDeputyId）', { status: 201 })
  async submit(@Body() dto: SubmitSuggestionDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    await this.directory.requireUsersWithRole('coSignerIds', dto.coSignerIds ?? [], 'deputy');
    if (dto.leadDeputyId !== undefined) await this.directory.requireUsersWithRole('leadDeputyId', [dto.leadDeputyId], 'deputy');
    const sessionId = await this.sessions.forSubmission(dto.sessionId, this.clock.nowIso());
    const delegation = dto.byDelegation === true ? await this.delegationOf(dto.leadDeputyId ?? ctx.actor.userId) : undefined;
    // With a key, a retried submission must find the stream of the first one.
    const key = ctx.options.idempotency?.key;
    if (key !== undefined) {
      const id = deriveSuggestionId(ctx.actor.userId, key);
      return this.run(id, dto.toCommand(id, sessionId, delegation), ctx);
    }
    // A new id, made here: its stream cannot exist yet, so the pipeline need not read it.
    const id = timeOrderedId();
    return this.run(id, dto.toCommand(id, sessionId, delegation), { ...ctx, options: { ...ctx.options, freshStream: true } });
  }

  /** The delegation a deputy speaks for, with its head who will rate it (400 on byDelegation when they belong to none). */
  private async delegationOf(deputyId: string): Promise<{ delegationId: string; headDeputyId?: string }> {
    const delegationId = (await this.directory.findUser(deputyId))?.delegationId;
    const delegation = delegationId !== undefined ? await this.delegations.find(delegationId) : null;
    if (!delegation) {
      throw new BadRequestException({ statusCode: 400, code: 'validation_failed', message: '请求参数有误', errors: [{ field: 'byDelegation', message: '该代表不属于任何代表团' }] });
    }
    return { delegationId: delegation.delegationId, ...(delegation.headDeputyId !== undefined ? { headDeputyId: delegation.headDeputyId } : {}) };
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiCommand('立案（工作人员）')
  async accept(@SuggestionId() id: string, @Body() _dto: EmptyBodyDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, await this.registration.acceptCommand(id, ctx.actor, ctx.options), ctx);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiCommand('不予立案（工作人员）')
  reject(@SuggestionId() id: string, @Body() dto: ReasonDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, { type: 'RejectSuggestion', data: { reason: dto.reason } }, ctx);
  }

  private run(id: string, command: SuggestionCommand, ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSuggestionCommand(id, command, ctx.actor, ctx.options));
  }
}
