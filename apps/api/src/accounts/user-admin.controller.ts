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
import { ChangeDelegationDto } from './change-delegation.dto';
import { ChangeRoleDto } from './change-role.dto';
import { MoveToUnitDto } from './move-to-unit.dto';
import { ResetPasswordDto } from './reset-password.dto';
import { UserIdParam } from './user-id.pipe';

/**
 * An admin switches accounts off and on and changes roles. Each ends the account's sessions
 * (except reactivation: a deactivated account has none). Admins cannot do either to themselves,
 * so the last admin can never be removed: only another admin can remove one.
 */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('users')
@Roles('admin')
@UseInterceptors(EtagInterceptor)
@ApiHeader({ name: 'Idempotency-Key', required: false, description: '幂等键：重发同一请求返回首次结果' })
export class UserAdminController {
  constructor(private readonly commands: AccountCommandsService) {}

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: '停用账号（管理员）：该账号立即无法登录，已签发的令牌全部失效；不能停用自己' })
  @ApiCommandResult()
  @ApiErrors(403, 404, 409, 422, 503)
  deactivate(
    @UserIdParam() id: string,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
    @Idempotency() idempotency: IdempotencyRequest | undefined,
  ): Promise<CommandOutcome> {
    return this.commands.deactivateUser(id, accountRequest(user, ids, idempotency));
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: '重新启用已停用的账号（管理员）' })
  @ApiCommandResult()
  @ApiErrors(403, 404, 409, 422, 503)
  reactivate(
    @UserIdParam() id: string,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
    @Idempotency() idempotency: IdempotencyRequest | undefined,
  ): Promise<CommandOutcome> {
    return this.commands.reactivateUser(id, accountRequest(user, ids, idempotency));
  }

  @Post(':id/password')
  @HttpCode(200)
  @ApiOperation({ summary: '重置密码（管理员）：该账号已签发的令牌全部失效；自己的密码请用 POST /auth/password' })
  @ApiCommandResult()
  @ApiErrors(403, 404, 409, 422, 503)
  resetPassword(
    @UserIdParam() id: string,
    @Body() dto: ResetPasswordDto,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
    @Idempotency() idempotency: IdempotencyRequest | undefined,
  ): Promise<CommandOutcome> {
    return this.commands.resetPassword(id, dto.newPassword, accountRequest(user, ids, idempotency));
  }

  @Post(':id/role')
  @HttpCode(200)
  @ApiOperation({ summary: '变更角色（管理员）：已签发的令牌全部失效，须重新登录；不能变更自己的角色' })
  @ApiCommandResult()
  @ApiErrors(403, 404, 409, 422, 503)
  changeRole(
    @UserIdParam() id: string,
    @Body() dto: ChangeRoleDto,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
    @Idempotency() idempotency: IdempotencyRequest | undefined,
  ): Promise<CommandOutcome> {
    return this.commands.changeRole(id, dto.role, dto.unitId, accountRequest(user, ids, idempotency));
  }

  @Post(':id/delegation')
  @HttpCode(200)
  @ApiOperation({ summary: '变更人大代表所属代表团（管理员）：不填代表团编号则不属于任何代表团' })
  @ApiCommandResult()
  @ApiErrors(403, 404, 409, 422, 503)
  changeDelegation(
    @UserIdParam() id: string,
    @Body() dto: ChangeDelegationDto,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
    @Idempotency() idempotency: IdempotencyRequest | undefined,
  ): Promise<CommandOutcome> {
    return this.commands.changeDelegation(id, dto.delegationId, accountRequest(user, ids, idempotency));
  }

  @Post(':id/unit')
  @HttpCode(200)
  @ApiOperation({ summary: '变更承办单位用户所属单位（管理员）：已签发的令牌全部失效，须重新登录' })
  @ApiCommandResult()
  @ApiErrors(403, 404, 409, 422, 503)
  moveToUnit(
    @UserIdParam() id: string,
    @Body() dto: MoveToUnitDto,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
    @Idempotency() idempotency: IdempotencyRequest | undefined,
  ): Promise<CommandOutcome> {
    return this.commands.moveToUnit(id, dto.unitId, accountRequest(user, ids, idempotency));
  }
}
