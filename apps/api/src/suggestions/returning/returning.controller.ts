import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SuggestionCommand } from '@duban/domain';
import { ApiCommand } from '../../http/openapi/command.decorator';
import type { CommandOutcome } from '../../commands/command-outcome';
import { RunSuggestionCommand } from '../execution/suggestion-stream';
import { CommandContext, CommandCtx } from '../http/command-context.decorator';
import { EtagInterceptor } from '../http/etag.interceptor';
import { SuggestionId } from '../http/suggestion-id.pipe';
import { DecideRequestDto } from '../dto/decide-request.dto';
import { ReasonDto } from '../dto/reason.dto';

/**
 * 退回: a unit asks to hand a suggestion back, staff decide (capabilities/returning).
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class ReturningController {
  constructor(private readonly commandBus: CommandBus) {}

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

  private run(id: string, command: SuggestionCommand, ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSuggestionCommand(id, command, ctx.actor, ctx.options));
  }
}
