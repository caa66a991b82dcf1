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
import { EmptyBodyDto } from '../dto/empty-body.dto';
import { ReasonDto } from '../dto/reason.dto';

/**
 * 撤回 and 办结: the deputy withdraws, staff close (capabilities/closing).
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class ClosingController {
  constructor(private readonly commandBus: CommandBus) {}

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
