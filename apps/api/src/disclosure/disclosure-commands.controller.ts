import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiCommand } from '../http/openapi/command.decorator';
import type { SuggestionCommand } from '@duban/domain';
import { EmptyBodyDto } from '../suggestions/dto/empty-body.dto';
import type { CommandOutcome } from '../commands/command-outcome';
import { RunSuggestionCommand } from '../suggestions/execution/suggestion-stream';
import { CommandContext, CommandCtx } from '../suggestions/http/command-context.decorator';
import { EtagInterceptor } from '../suggestions/http/etag.interceptor';
import { SuggestionId } from '../suggestions/http/suggestion-id.pipe';
import { ExemptDto } from './exempt.dto';

/** 公开 and 不予公开: ordinary suggestion commands (who may is the decider's rule: staff). */
@ApiTags('disclosure')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class DisclosureCommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/publish')
  @HttpCode(200)
  @ApiCommand('公开建议及其答复（工作人员；须已答复且未确定不予公开）')
  publish(@SuggestionId() id: string, @Body() _dto: EmptyBodyDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, { type: 'PublishAnswer', data: {} }, ctx);
  }

  @Post(':id/exempt')
  @HttpCode(200)
  @ApiCommand('不予公开（工作人员）：国家秘密、商业秘密、个人隐私或代表要求保密；已公开的随即撤回')
  exempt(@SuggestionId() id: string, @Body() dto: ExemptDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  private run(id: string, command: SuggestionCommand, ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSuggestionCommand(id, command, ctx.actor, ctx.options));
  }
}
