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
import { RequestExtensionDto } from './request-extension.dto';

/**
 * 延期: a unit asks for more time, staff decide (capabilities/extension).
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class ExtensionController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/request-extension')
  @HttpCode(200)
  @ApiCommand('申请延期答复（承办单位）')
  requestExtension(
    @SuggestionId() id: string,
    @Body() dto: RequestExtensionDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  @Post(':id/decide-extension')
  @HttpCode(200)
  @ApiCommand('审批延期申请（工作人员）')
  decideExtension(@SuggestionId() id: string, @Body() dto: DecideRequestDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, { type: 'DecideExtension', data: dto.data() }, ctx);
  }

  private run(id: string, command: SuggestionCommand, ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSuggestionCommand(id, command, ctx.actor, ctx.options));
  }
}
