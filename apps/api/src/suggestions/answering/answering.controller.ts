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
import { AnswerSuggestionDto } from './answer-suggestion.dto';

/**
 * 答复: the answering unit's answer with its category, letter and commitments (capabilities/answering).
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class AnsweringController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/answer')
  @HttpCode(200)
  @ApiCommand('答复（主办、单独或分办单位）')
  answer(@SuggestionId() id: string, @Body() dto: AnswerSuggestionDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  private run(id: string, command: SuggestionCommand, ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSuggestionCommand(id, command, ctx.actor, ctx.options));
  }
}
