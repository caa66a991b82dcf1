import { Body, Controller, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionCommand, SessionState } from '@duban/domain';
import type { SessionRow } from '@duban/read-models';
import type { CommandOutcome, RunOptions } from '../commands/command-outcome';
import { timeOrderedId } from '../events/time-ordered-id';
import { Roles } from '../auth/roles.decorator';
import { ApiCommand, ApiOk, SessionRowDoc } from '../http/openapi';
import { AfterQueryDto } from '../read-consistency/after-query.dto';
import { ReadAfterService } from '../read-consistency/read-after.service';
import { CommandContext, CommandCtx } from '../suggestions/http/command-context.decorator';
import { EtagInterceptor } from '../suggestions/http/etag.interceptor';
import { EmptyBodyDto } from '../suggestions/dto/empty-body.dto';
import { AssignmentDateDto } from './assignment-date.dto';
import { OpenSessionDto } from './open-session.dto';
import { SessionCatalogue } from './session-catalogue';
import { SessionIdPipe } from './session-id.pipe';
import { RunSessionCommand } from './session-stream';

/**
 * Sessions (届次/会次): staff and admins open, close and date them (who may is the session
 * decider's rule); everyone signed in lists them for filters and pickers.
 */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly catalogue: SessionCatalogue,
    private readonly readAfter: ReadAfterService,
  ) {}

  @Post()
  @Roles('staff', 'admin')
  @UseInterceptors(EtagInterceptor)
  @ApiCommand('新建会次：大会期间或闭会期间（工作人员、管理员）', { status: 201 })
  open(@Body() dto: OpenSessionDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    const id = timeOrderedId();
    const data = { sessionId: id, name: dto.name, kind: dto.kind, startsOn: dto.startsOn, ...(dto.endsOn !== undefined ? { endsOn: dto.endsOn } : {}) };
    return this.run(id, { type: 'OpenSession', data }, { ...ctx, options: { ...ctx.options, freshStream: true } });
  }

  @Get()
  @ApiOperation({ summary: '会次列表（最新在前，最后是“未分会次”）' })
  @ApiOk([SessionRowDoc])
  async list(@Query() query: AfterQueryDto): Promise<SessionRow[]> {
    await this.readAfter.waitFor(query.after);
    return this.catalogue.list();
  }

  @Post(':id/close')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @UseInterceptors(EtagInterceptor)
  @ApiCommand('结束会次（工作人员、管理员）：此后不能再向该会次提出建议')
  close(@Param('id', SessionIdPipe) id: string, @Body() _dto: EmptyBodyDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, { type: 'CloseSession', data: {} }, ctx);
  }

  @Post(':id/assignment-date')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @UseInterceptors(EtagInterceptor)
  @ApiCommand('设定大会期间建议的交办日期（工作人员、管理员）')
  setAssignmentDate(@Param('id', SessionIdPipe) id: string, @Body() dto: AssignmentDateDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, { type: 'SetAssignmentDate', data: { assignOn: dto.assignOn } }, ctx);
  }

  private run(id: string, command: SessionCommand, ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSessionCommand(id, command, ctx.actor, ctx.options as RunOptions<SessionState>));
  }
}
