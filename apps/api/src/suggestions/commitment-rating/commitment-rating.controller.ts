import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiCommand } from '../../http/openapi';
import type { CommandOutcome } from '../../commands/command-outcome';
import { RunSuggestionCommand } from '../execution/suggestion-stream';
import { CommandContext, CommandCtx } from '../http/command-context.decorator';
import { EtagInterceptor } from '../http/etag.interceptor';
import { SuggestionId } from '../http/suggestion-id.pipe';
import { RateCommitmentsDto } from './rate-commitments.dto';

/** 承诺事项落实评价 as a slice of its own; when it applies is the decider's (capabilities/commitment-rating/commitment-rating.rule.ts). */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class CommitmentRatingController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/rate-commitments')
  @HttpCode(200)
  @ApiCommand('评价承诺事项落实情况（领衔代表；办理规则规定单独评价时，如重庆条例第二十八条）')
  rateCommitments(@SuggestionId() id: string, @Body() dto: RateCommitmentsDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSuggestionCommand(id, dto.toCommand(), ctx.actor, ctx.options));
  }
}
