import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiCommand } from '../../http/openapi/command.decorator';
import type { CommandOutcome } from '../../commands/command-outcome';
import { EmptyBodyDto } from '../dto/empty-body.dto';
import { RunSuggestionCommand } from '../execution/suggestion-stream';
import { CommandContext, CommandCtx } from '../http/command-context.decorator';
import { EtagInterceptor } from '../http/etag.interceptor';
import { SuggestionId } from '../http/suggestion-id.pipe';

/**
 * 送达: the web sends this when the lead deputy views the answers. Reading (a GET) never records
 * anything by itself; this explicit command does, once per answered round (again, nothing is added).
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class AcknowledgeAnswerController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/acknowledge-answer')
  @HttpCode(200)
  @ApiCommand('领衔代表查阅答复（送达）：记录收到答复的时间；按规定自收到答复之日起计算评价期限的，评价期限随之确定。重复发送不再记录')
  acknowledge(@SuggestionId() id: string, @Body() _dto: EmptyBodyDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSuggestionCommand(id, { type: 'AcknowledgeAnswer', data: {} }, ctx.actor, ctx.options));
  }
}
