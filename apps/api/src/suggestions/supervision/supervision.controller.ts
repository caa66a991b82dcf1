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
import { SuperviseDto } from './supervise.dto';
import { UrgeDto } from './urge.dto';

/**
 * 重点督办 and 催办: the route checks that the named supervisor exists and has that role (accounts live
 * in their own streams); who may supervise or urge is the decider's (capabilities/supervision).
 */
@ApiTags('suggestions')
@ApiBearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('suggestions')
export class SupervisionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly directory: AccountDirectory,
  ) {}

  @Post(':id/supervise')
  @HttpCode(200)
  @ApiCommand('列为重点督办，指定督办人与领办领导')
  async supervise(@SuggestionId() id: string, @Body() dto: SuperviseDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    await this.directory.requireUsersWithRole('supervisorId', [dto.supervisorId], 'supervisor');
    return this.run(id, dto.toCommand(), ctx);
  }

  @Post(':id/urge')
  @HttpCode(200)
  @ApiCommand('催办（督办人）')
  urge(@SuggestionId() id: string, @Body() dto: UrgeDto, @CommandCtx() ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(id, dto.toCommand(), ctx);
  }

  private run(id: string, command: SuggestionCommand, ctx: CommandContext): Promise<CommandOutcome> {
    return this.commandBus.execute(new RunSuggestionCommand(id, command, ctx.actor, ctx.options));
  }
}
