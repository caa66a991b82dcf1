import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommandResult, ApiErrors } from '../http/openapi';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { Ids, RequestIds } from '../http/correlation';
import { Idempotency } from '../idempotency/idempotency.decorator';
import type { IdempotencyRequest } from '../idempotency/idempotency-request';
import type { CommandOutcome } from '../commands/command-outcome';
import { EtagInterceptor } from '../suggestions/http/etag.interceptor';
import { AccountCommandsService } from './account-commands.service';
import { accountRequest } from './account-request';
import { RenameUnitDto } from './rename-unit.dto';
import { UnitIdParam } from './unit-id.pipe';

/**
 * An admin corrects or updates a unit's name (机构改革 renames bureaus). The id stays, so every
 * suggestion and account that names the unit keeps naming it, and lists show the new name.
 */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('units')
@Roles('admin')
@UseInterceptors(EtagInterceptor)
@ApiHeader({ name: 'Idempotency-Key', required: false, description: '幂等键：重发同一请求返回首次结果' })
export class UnitAdminController {
  constructor(private readonly commands: AccountCommandsService) {}

  @Post(':id/name')
  @HttpCode(200)
  @ApiOperation({ summary: '修改承办单位名称（管理员）：单位编号不变，列表与详情随即显示新名称' })
  @ApiCommandResult()
  @ApiErrors(403, 404, 409, 422, 503)
  rename(
    @UnitIdParam() id: string,
    @Body() dto: RenameUnitDto,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
    @Idempotency() idempotency: IdempotencyRequest | undefined,
  ): Promise<CommandOutcome> {
    return this.commands.renameUnit(id, dto.name, accountRequest(user, ids, idempotency));
  }
}
