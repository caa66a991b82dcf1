import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiCommand } from '../../http/openapi';
import { AccountDirectory } from '../../accounts/account-directory';
import type { CommandOutcome } from '../../commands/command-outcome';
import { RunSuggestionCommand } from '../execution/suggestion-stream';
import { CommandContext, CommandCtx } from '../http/command-context.decorator';
import { EtagInterceptor } from '../http/etag.interceptor';
import { SuggestionId } from '../http/suggestion-id.pipe';
import { TransferSuggestionDto } from './transfer-suggestion.dto';

/**
 * 转办 as a slice of its own: the route checks that the receiving unit exists (units live in their
 * own streams, which the decider cannot see) and sends the command; who may transfer what is the
 * decider's (capabilities/transfer/transfer.rule.ts).
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class TransferController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly directory: AccountDirectory,
  ) {}

  @Post(':id/transfer')
  @HttpCode(200)
  @ApiCommand('转办：把一个承办单位的办理任务转给另一单位，需说明理由（工作人员）')
  async transfer(@SuggestionId() id: string, @Body() dto: TransferSuggestionDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    await this.directory.requireUnits('toUnitId', [dto.toUnitId]);
    return this.commandBus.execute(new RunSuggestionCommand(id, dto.toCommand(), ctx.actor, ctx.options));
  }
}
