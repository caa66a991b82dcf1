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
import { RateSuggestionDto } from './rate-suggestion.dto';

/**
 * 评价: the lead deputy rates attitude and result (capabilities/rating).
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class RatingController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/rate')
  @HttpCode(200)
  @ApiCommand('评价办理态度与办理结果（领衔代表）')
  rate(@SuggestionId() id: string, @Body() dto: RateSuggestionDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  private run(id: string, command: SuggestionCommand, ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSuggestionCommand(id, command, ctx.actor, ctx.options));
  }
}
