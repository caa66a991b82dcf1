import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SuggestionCommand } from '@duban/domain';
import { ApiCommand } from '../../http/openapi/command.decorator';
import { AccountDirectory } from '../../accounts/account-directory';
import type { CommandOutcome } from '../../commands/command-outcome';
import { RunSuggestionCommand } from '../execution/suggestion-stream';
import { CommandContext, CommandCtx } from '../http/command-context.decorator';
import { EtagInterceptor } from '../http/etag.interceptor';
import { SuggestionId } from '../http/suggestion-id.pipe';
import { AssignSuggestionDto } from './assign-suggestion.dto';

/**
 * 交办 as a slice: the route checks that the units it names exist (they live in their own streams,
 * which the decider cannot see); who may assign what is the decider's (capabilities/assignment).
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class AssignmentController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly directory: AccountDirectory,
  ) {}

  @Post(':id/assign')
  @HttpCode(200)
  @ApiCommand('交办：单独办理、主办+协办或分别办理（工作人员）')
  async assign(@SuggestionId() id: string, @Body() dto: AssignSuggestionDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    await this.directory.requireUnits('unitIds', dto.unitIds);
    return this.run(id, dto.toCommand(), ctx);
  }

  private run(id: string, command: SuggestionCommand, ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSuggestionCommand(id, command, ctx.actor, ctx.options));
  }
}
