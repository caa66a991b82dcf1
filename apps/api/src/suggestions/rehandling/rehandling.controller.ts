import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiCommand } from '../../http/openapi';
import type { CommandOutcome } from '../../commands/command-outcome';
import { RunSuggestionCommand } from '../execution/suggestion-stream';
import { CommandContext, CommandCtx } from '../http/command-context.decorator';
import { EtagInterceptor } from '../http/etag.interceptor';
import { SuggestionId } from '../http/suggestion-id.pipe';
import { StartRehandlingDto } from './start-rehandling.dto';

/**
 * 决定重新办理 as a slice of its own: where the rulebook does not start re-handling on a dissatisfied
 * rating, staff decide it (capabilities/rehandling/rehandling.rule.ts says when, for which preset).
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class RehandlingController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/rehandle')
  @HttpCode(200)
  @ApiCommand('决定重新办理：按现行办理规则由代表工作机构研究决定或依常委会认定，交承办单位重新办理（工作人员）')
  rehandle(@SuggestionId() id: string, @Body() dto: StartRehandlingDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSuggestionCommand(id, dto.toCommand(), ctx.actor, ctx.options));
  }
}
