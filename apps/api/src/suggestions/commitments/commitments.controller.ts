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
import { FulfilCommitmentDto } from './fulfil-commitment.dto';

/**
 * 承诺事项落实: a unit records that a commitment of its answer was fulfilled (capabilities/commitments).
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class FulfilCommitmentController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/fulfil-commitment')
  @HttpCode(200)
  @ApiCommand('承诺事项已落实（承办单位）')
  fulfilCommitment(
    @SuggestionId() id: string,
    @Body() dto: FulfilCommitmentDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  private run(id: string, command: SuggestionCommand, ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSuggestionCommand(id, command, ctx.actor, ctx.options));
  }
}
