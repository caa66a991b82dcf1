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
import { CoOpinionDto } from './co-opinion.dto';
import { ContactDeputyDto } from './contact-deputy.dto';

/**
 * What a unit records while handling: contact with the deputy, a co-handler's opinion (capabilities/handling).
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class HandlingController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/contact')
  @HttpCode(200)
  @ApiCommand('记录与代表的联系（承办单位）')
  contact(@SuggestionId() id: string, @Body() dto: ContactDeputyDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  @Post(':id/co-opinion')
  @HttpCode(200)
  @ApiCommand('协办单位向主办单位提出协办意见')
  coOpinion(@SuggestionId() id: string, @Body() dto: CoOpinionDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  private run(id: string, command: SuggestionCommand, ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSuggestionCommand(id, command, ctx.actor, ctx.options));
  }
}
