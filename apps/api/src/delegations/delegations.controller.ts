import { Body, Controller, Get, Inject, Post, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DelegationState } from '@duban/domain';
import type { DelegationRow, ReadModelQueries } from '@duban/read-models';
import { AccountDirectory } from '../accounts/account-directory';
import { Roles } from '../auth/roles.decorator';
import type { CommandOutcome, RunOptions } from '../commands/command-outcome';
import { timeOrderedId } from '../events/time-ordered-id';
import { ApiCommand, ApiOk, DelegationRowDoc } from '../http/openapi';
import { READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { AfterQueryDto } from '../read-consistency/after-query.dto';
import { ReadAfterService } from '../read-consistency/read-after.service';
import { CommandContext, CommandCtx } from '../suggestions/http/command-context.decorator';
import { EtagInterceptor } from '../suggestions/http/etag.interceptor';
import { CreateDelegationDto } from './create-delegation.dto';
import { RunDelegationCommand } from './delegation-stream';

/** Delegations (代表团): staff and admins register them with their head; everyone signed in lists them. */
@ApiTags('delegations')
@ApiBearerAuth()
@Controller('delegations')
export class DelegationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly directory: AccountDirectory,
    private readonly readAfter: ReadAfterService,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
  ) {}

  @Post()
  @Roles('staff', 'admin')
  @UseInterceptors(EtagInterceptor)
  @ApiCommand('登记代表团（工作人员、管理员）', { status: 201 })
  async create(@Body() dto: CreateDelegationDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    if (dto.headDeputyId !== undefined) await this.directory.requireUsersWithRole('headDeputyId', [dto.headDeputyId], 'deputy');
    const id = timeOrderedId();
    const data = { delegationId: id, name: dto.name, ...(dto.headDeputyId !== undefined ? { headDeputyId: dto.headDeputyId } : {}) };
    const options = { ...ctx.options, freshStream: true } as RunOptions<DelegationState>;
    return this.commandBus.execute(new RunDelegationCommand(id, { type: 'RegisterDelegation', data }, ctx.actor, options));
  }

  @Get()
  @ApiOperation({ summary: '代表团列表' })
  @ApiOk([DelegationRowDoc])
  async list(@Query() query: AfterQueryDto): Promise<DelegationRow[]> {
    await this.readAfter.waitFor(query.after);
    return this.queries.listDelegations();
  }
}
